package grader.compile;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
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
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

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
        if (trees.getSourcePositions().getEndPosition(unit, node) < 0) {
            // Written by javac, not the student (an anonymous class's constructor, say): its calls repeat
            // the student's own, under names the student never wrote.
            return null;
        }
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
        TypeElement owner;
        String member = "";
        if (element instanceof TypeElement typeElement) {
            owner = typeElement;
        } else if (isArrayMember(node, path)) {
            // length and clone() of an array belong to javac's nameless array class.
            return;
        } else if (element.getEnclosingElement() instanceof TypeElement enclosing) {
            owner = enclosing;
            member = element.getSimpleName().toString();
        } else {
            // Local variables, parameters, a method's type variables, packages: no API of their own.
            return;
        }
        if (node.getKind() == Tree.Kind.NEW_CLASS && owner.getNestingKind() == NestingKind.ANONYMOUS) {
            // new Base(args) { ... } calls a constructor of Base: check Base, never the nameless class.
            owner = anonymousBase(owner);
        }
        if (declaredInKit(owner)) {
            // The student's own types, of any kind or nesting (anonymous, local, member, records, enums).
            return;
        }
        String type = owner.getQualifiedName().toString();
        String used = member.isEmpty() ? type : type + "." + member;
        ForbiddenApi.of(type, member).ifPresent(rule -> report(node, used, rule.reason()));
    }

    private boolean isArrayMember(Tree node, TreePath path) {
        ExpressionTree receiver = node instanceof MemberSelectTree select ? select.getExpression()
                : node instanceof MemberReferenceTree reference ? reference.getQualifierExpression() : null;
        if (receiver == null) {
            return false;
        }
        TypeMirror type = trees.getTypeMirror(new TreePath(path, receiver));
        String member = node instanceof MemberSelectTree select ? select.getIdentifier().toString()
                : ((MemberReferenceTree) node).getName().toString();
        return type != null && type.getKind() == TypeKind.ARRAY && (member.equals("length") || member.equals("clone"));
    }

    /** The class an anonymous class extends, or the one interface it implements. */
    private static TypeElement anonymousBase(TypeElement anonymous) {
        TypeMirror base = anonymous.getInterfaces().isEmpty() ? anonymous.getSuperclass()
                : anonymous.getInterfaces().get(0);
        return base instanceof DeclaredType declared && declared.asElement() instanceof TypeElement type
                ? type : anonymous;
    }

    /**
     * True for a type declared in the sources being compiled, in package batchnorm (the student's file or
     * the kit's), or in autodiff. A local or anonymous class has no qualified name, so the package is
     * found by walking out to it.
     */
    private static boolean declaredInKit(TypeElement type) {
        Element enclosing = type;
        while (enclosing != null && !(enclosing instanceof PackageElement)) {
            enclosing = enclosing.getEnclosingElement();
        }
        if (enclosing == null) {
            return false;
        }
        String packageName = ((PackageElement) enclosing).getQualifiedName().toString();
        return packageName.equals(STUDENT_PACKAGE) || packageName.equals("autodiff");
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
