package io.cloudist.core.ship;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Groups the project's files into packs, one archive blob each, so that a change to one file uploads one pack, not
 * the whole tree, and a tree of thousands of files is not thousands of blobs. Pack boundaries come from the files'
 * paths, not their contents: a pack ends after a file whose path hashes to a boundary (about one in
 * {@value #FILES_PER_PACK}), or when it holds {@value #PACK_BYTES} bytes; a file of {@value #ALONE_BYTES} bytes or
 * more is a pack of its own. So editing, adding or removing a file changes only the pack it falls in.
 */
final class FilePacks {
    static final int FILES_PER_PACK = 64;
    static final long PACK_BYTES = 8L << 20;
    static final long ALONE_BYTES = 2L << 20;

    private FilePacks() {}

    static List<List<ProjectTree.File>> of(List<ProjectTree.File> sortedFiles) {
        List<List<ProjectTree.File>> packs = new ArrayList<>();
        List<ProjectTree.File> pack = new ArrayList<>();
        long bytes = 0;
        for (ProjectTree.File file : sortedFiles) {
            if (file.size() >= ALONE_BYTES) {
                packs.add(List.of(file));
                continue;
            }
            pack.add(file);
            bytes += file.size();
            if (boundary(file.path()) || bytes >= PACK_BYTES) {
                packs.add(List.copyOf(pack));
                pack.clear();
                bytes = 0;
            }
        }
        if (!pack.isEmpty()) {
            packs.add(List.copyOf(pack));
        }
        return packs;
    }

    private static boolean boundary(String path) {
        CRC32 crc = new CRC32();
        crc.update(path.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % FILES_PER_PACK == 0;
    }
}
