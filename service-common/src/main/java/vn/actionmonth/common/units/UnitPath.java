package vn.actionmonth.common.units;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A unit's place in the reporting tree as every service stores it: the ids from the root down to
 * the unit, each followed by a slash, {@code /<root>/…/<parent>/<id>/}. A subtree is every path
 * that starts with its root's path, which is what the path columns are indexed for. The format is
 * read and written here only.
 */
public final class UnitPath {

    /** Length of one segment, {@code <uuid>/}: a direct child's path is its parent's path plus this. */
    public static final int SEGMENT = 37;

    private UnitPath() {
    }

    /** The path of unit {@code id} under the unit at {@code parentPath}; null for a root. */
    public static String of(String parentPath, UUID id) {
        return (parentPath == null ? "/" : parentPath) + id + "/";
    }

    /** The path of a root unit. */
    public static String root(UUID rootId) {
        return of(null, rootId);
    }

    /** The ids on the path, root first, down to the unit itself; empty for null. */
    public static List<UUID> ids(String path) {
        List<UUID> out = new ArrayList<>();
        if (path == null) {
            return out;
        }
        for (String part : path.split("/")) {
            if (!part.isBlank()) {
                out.add(UUID.fromString(part.strip()));
            }
        }
        return out;
    }

    /** The ids from the root down to the parent (the unit itself left out). */
    public static List<UUID> ancestorIds(String path) {
        List<UUID> ids = ids(path);
        ids.remove(ids.size() - 1);
        return ids;
    }

    /** The id of the tree's root. */
    public static UUID rootId(String path) {
        return UUID.fromString(path.substring(1, path.indexOf('/', 1)));
    }

    /** Whether the unit at {@code path} is the one at {@code ancestorPath} or lies under it. */
    public static boolean isWithin(String path, String ancestorPath) {
        return path.startsWith(ancestorPath);
    }

    /** Whether unit {@code id} is on the path: the unit itself or one of its ancestors. */
    public static boolean passesThrough(String path, UUID id) {
        return path.contains("/" + id + "/");
    }

    /** The length of the paths of the direct children of the unit at {@code path}. */
    public static int childPathLength(String path) {
        return path.length() + SEGMENT;
    }

    /**
     * The id of the direct child of the unit at {@code ancestorPath} that {@code path} goes
     * through; null when {@code path} is that unit itself or does not lie under it.
     */
    public static UUID childOn(String path, String ancestorPath) {
        if (path == null || path.length() <= ancestorPath.length() || !isWithin(path, ancestorPath)) {
            return null;
        }
        return UUID.fromString(path.substring(ancestorPath.length(), path.indexOf('/', ancestorPath.length())));
    }

    /**
     * The first path after the subtree of the unit at {@code path}: the subtree is the range from
     * {@code path} up to, not including, this ('0' follows '/'), which a text-pattern index scans.
     */
    public static String subtreeEnd(String path) {
        return path.substring(0, path.length() - 1) + "0";
    }
}
