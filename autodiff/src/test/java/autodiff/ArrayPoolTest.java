package autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArrayPoolTest {
    @Test
    void aRecycledArrayIsHandedOutAgainForTheSameLength() {
        ArrayPool pool = new ArrayPool();
        double[] array = new double[12_345];
        pool.recycle(array);
        assertTrue(array != pool.take(12_346), "another length gets a new array");
        assertTrue(array == pool.take(12_345), "the recycled array comes back");
        assertTrue(array != pool.take(12_345), "each recycled array is handed out once");
    }

    @Test
    void thePoolKeepsAtMostItsLimitPerLength() {
        ArrayPool pool = new ArrayPool();
        List<double[]> recycled = new ArrayList<>();
        for (int i = 0; i < ArrayPool.MAX_PER_LENGTH + 5; i++) {
            double[] array = new double[777];
            recycled.add(array);
            pool.recycle(array);
        }
        for (int i = 0; i < ArrayPool.MAX_PER_LENGTH; i++) {
            assertTrue(recycled.get(ArrayPool.MAX_PER_LENGTH - 1 - i) == pool.take(777), "last in, first out");
        }
        assertEquals(777, pool.take(777).length);
        assertTrue(recycled.get(ArrayPool.MAX_PER_LENGTH) != pool.take(777), "the extra ones were left to the GC");
    }

    @Test
    void anArrayLargerThanThePoolsBudgetIsNotKept() {
        ArrayPool pool = new ArrayPool();
        double[] huge = new double[ArrayPool.MAX_KEPT_DOUBLES + 1];
        pool.recycle(huge);
        assertTrue(huge != pool.take(huge.length));
    }

    @Test
    void beyondItsLimitOfDistinctLengthsThePoolKeepsNothingNew() {
        ArrayPool pool = new ArrayPool();
        for (int length = 1; length <= ArrayPool.MAX_LENGTHS + 1; length++) {
            pool.recycle(new double[100_000 + length]);
            pool.take(100_000 + length);  // keeps the budget free; the length's slot stays
        }
        double[] unseen = new double[200_000];
        pool.recycle(unseen);
        assertTrue(unseen != pool.take(200_000));
    }
}
