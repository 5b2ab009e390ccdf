package grader.compile;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * The static check: walks the student's attributed syntax tree and reports every use of a
 * {@link ForbiddenApi}, resolved by the compiler (so {@code java.lang.System.exit}, a {@code var}, a
 * static import or a method reference are all seen), as {@code Model.java:12: System.exit ends ...}.
 */
final class ForbiddenApiScanner extends TreePathScanner<Void, Void> {
    private static final String STUDENT_PACKAGE = "batchnorm";
    private static final Set<Tree.Kind> USES = EnumSet.of(Tree.Kind.IDENTIFIER, Tree.Kind.MEMBER_SELECT,
            Tree.Kind.MEMBER_REFERENCE, Tree.Kind.NEW_CLASS);

    private final CompilationUnitTree unit;
    private final Trees trees;
    private final String fileName;
    private final Set<String> findings = new LinkedHashSet<>();

    private ForbiddenApiScanner(CompilationUnitTree unit, Trees trees, String fileName) {
        this.unit = unit;
        this.trees = trees;
        this.fileName = fileName;
    }

    static List<String> scan(CompilationUnitTree unit, Trees trees, String fileName) {
        ForbiddenApiScanner scanner = new ForbiddenApiScanner(unit, trees, fileName);
        String packageName = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
        if (!packageName.equals(STUDENT_PACKAGE)) {
            scanner.report(unit.getPackage() == null ? unit : unit.getPackage(), "package " + packageName,
                    "Model.java must declare package batchnorm, as in the kit");
        }
        scanner.scan(unit, null);
        return new ArrayList<>(scanner.findings);
    }

    /** Every name that can refer to an API: identifiers, member selections, method references, {@code new}. */
    @Override
    public Void scan(Tree tree, Void unused) {
        if (tree != null && USES.contains(tree.getKind()) && getCurrentPath() != null) {
            check(tree, new TreePath(getCurrentPath(), tree));
        }
        return super.scan(tree, unused);
    }

    @Override
    public Void visitMethod(MethodTree node, Void unused) {
        if (node.getModifiers().getFlags().contains(Modifier.NATIVE)) {
            report(node, "native method " + node.getName(), ForbiddenApi.NATIVE.reason());
        }
        return super.visitMethod(node, unused);
    }

    private void check(Tree node, TreePath path) {
        Element element = trees.getElement(path);
        if (element == null) {
            return;
        }
        String type;
        String member = "";
        if (element instanceof TypeElement typeElement) {
            type = typeElement.getQualifiedName().toString();
        } else if (element.getEnclosingElement() instanceof TypeElement owner) {
            type = owner.getQualifiedName().toString();
            member = element.getSimpleName().toString();
        } else {
            return;
        }
        String used = member.isEmpty() ? type : type + "." + member;
        ForbiddenApi.of(type, member).ifPresent(rule -> report(node, used, rule.reason()));
    }

    private void report(Tree node, String used, String reason) {
        long position = trees.getSourcePositions().getStartPosition(unit, node);
        long line = position < 0 ? 0 : unit.getLineMap().getLineNumber(position);
        findings.add(fileName + ":" + line + ": " + shortName(used) + ": " + reason);
    }

    /** {@code java.lang.System.exit} reads better as {@code System.exit}. */
    private static String shortName(String used) {
        return used.startsWith("java.lang.") && Character.isUpperCase(used.charAt("java.lang.".length()))
                ? used.substring("java.lang.".length()) : used;
    }

}
