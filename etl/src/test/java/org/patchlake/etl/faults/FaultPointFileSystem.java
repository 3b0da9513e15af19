package org.patchlake.etl.faults;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * The local file system with numbered fault points: every create, rename, delete and mkdirs the ETL makes through
 * Hadoop is one point, counted across the process. The ETL's child JVM gets it as {@code fs.file.impl}
 * ({@code -Dspark.hadoop.fs.file.impl=...}); with {@code -Dpatchlake.faults.pause-at=N} it prints the N-th point and
 * stops there before doing it, so the campaign can SIGKILL the process at exactly that point of the run; with
 * {@code -Dpatchlake.faults.trace=true} it prints every point; {@link #trace} counts the points of a run in this JVM.
 */
public class FaultPointFileSystem extends LocalFileSystem {
    static final String POINT = "etl-fault-point ";
    static final String PAUSED = "etl-fault-point-paused ";
    private static final AtomicLong POINTS = new AtomicLong();
    private static final long PAUSE_AT = Long.getLong("patchlake.faults.pause-at", -1);
    private static final boolean TRACE = Boolean.getBoolean("patchlake.faults.trace");
    /** The points of a run traced in this JVM ({@link #trace}), null when none is. */
    private static volatile List<String> traced;

    /** Counts the points of a run in this JVM from 1, until {@link #endTrace}. */
    static void trace(org.apache.hadoop.conf.Configuration hadoop) {
        POINTS.set(0);
        traced = Collections.synchronizedList(new ArrayList<>());
        hadoop.set("fs.file.impl", FaultPointFileSystem.class.getName());
        hadoop.setBoolean("fs.file.impl.disable.cache", true);
    }

    /** The traced points, one line each, as a child JVM prints them with {@code -Dpatchlake.faults.trace=true}. */
    static String endTrace(org.apache.hadoop.conf.Configuration hadoop) {
        hadoop.unset("fs.file.impl");
        hadoop.unset("fs.file.impl.disable.cache");
        List<String> lines = traced;
        traced = null;
        return String.join("\n", lines);
    }

    private static void reach(String operation, Path path) {
        long point = POINTS.incrementAndGet();
        String line = POINT + point + " " + operation + " " + path;
        if (TRACE) {
            System.err.println(line);
        }
        List<String> tracing = traced;
        if (tracing != null) {
            tracing.add(line);
        }
        if (point == PAUSE_AT) {
            System.err.println(PAUSED + point + " " + operation + " " + path);
            System.err.flush();
            while (true) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    // keep waiting for the SIGKILL
                }
            }
        }
    }

    @Override
    public FSDataOutputStream create(Path file, FsPermission permission, boolean overwrite, int bufferSize, short replication,
            long blockSize, Progressable progress) throws IOException {
        reach("create", file);
        return super.create(file, permission, overwrite, bufferSize, replication, blockSize, progress);
    }

    @Override
    public boolean rename(Path source, Path target) throws IOException {
        reach("rename", source);
        return super.rename(source, target);
    }

    @Override
    public boolean delete(Path file, boolean recursive) throws IOException {
        reach("delete", file);
        return super.delete(file, recursive);
    }

    @Override
    public boolean mkdirs(Path directory, FsPermission permission) throws IOException {
        reach("mkdirs", directory);
        return super.mkdirs(directory, permission);
    }
}
