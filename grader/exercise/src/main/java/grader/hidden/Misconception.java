package grader.hidden;

/**
 * The mistakes the hidden tests can name. The id is stable (the class report counts students by it, and
 * {@code mutants.json} lists the ids each mutant must trigger); the description is one line for the
 * instructor. What the student reads stays in each test's own message.
 */
enum Misconception {
    DIVIDED_BY_VARIANCE("divided-by-variance", "divides by the variance instead of its square root"),
    NO_EPSILON("no-epsilon", "leaves EPSILON out of sqrt(variance + EPSILON), so a constant feature divides by zero"),
    MEAN_NOT_SUBTRACTED("mean-not-subtracted", "divides x by the standard deviation without subtracting the batch mean"),
    UNBIASED_VARIANCE("unbiased-variance-for-normalising", "normalises with the unbiased variance (divide by n - 1)"),
    STATISTICS_OVER_ROWS("statistics-over-rows", "takes mean and variance over each row (axis 1) instead of each feature (axis 0)"),
    BETA_MISSING("beta-missing", "multiplies by gamma but never adds beta"),
    GAMMA_BETA_ROLES_SWAPPED("gamma-beta-roles-swapped", "multiplies by beta and adds gamma"),
    NO_SCALE_AND_SHIFT("no-scale-and-shift", "outputs the normalised value without gamma and beta"),
    GAMMA_BETA_INITIALISED_SWAPPED("gamma-beta-initialised-swapped", "starts gamma at zeros and beta at ones"),
    STATISTICS_DETACHED("statistics-detached", "computes mean and variance from x.value(), so no gradient flows through them"),
    PARAMETER_NOT_A_NAMED_NODE("parameter-not-a-named-node", "does not read gamma or beta as a named node, so grad() misses it"),
    EVAL_USES_BATCH_STATISTICS("eval-uses-batch-statistics", "evaluation normalises with the batch's statistics instead of the running averages"),
    AVERAGES_NEVER_STORED("averages-never-stored", "training mode never stores the updated running averages in params"),
    MOMENTUM_REVERSED("momentum-reversed", "puts MOMENTUM on the old average and 1 - MOMENTUM on the batch statistic"),
    AVERAGE_REPLACED("average-replaced-by-batch", "replaces the running average by the batch statistic instead of blending"),
    OLD_AVERAGE_DROPPED("old-average-dropped", "drops the (1 - MOMENTUM) * old average term"),
    AVERAGED_STD("averaged-std-not-variance", "averages the standard deviation instead of the variance"),
    AVERAGES_UPDATED_IN_EVAL("averages-updated-in-eval", "moves the running averages in evaluation mode too"),
    AVERAGES_AS_NAMED_NODES("averages-as-named-nodes", "reads the running averages as named nodes, so grad() reports them"),
    TRAIN_FLAG_NOT_PASSED("train-flag-not-passed", "forward does not pass the train flag on to both batch norms"),
    PARAMS_CAPTURED_AT_CONSTRUCTION("params-captured-at-construction", "a layer reads its parameters once, when built, so training cannot change them");

    private final String id;
    private final String description;

    Misconception(String id, String description) {
        this.id = id;
        this.description = description;
    }

    String id() {
        return id;
    }

    String description() {
        return description;
    }
}
