package com.hdcompose.cli.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Peak memory of this process: resident set high-water mark (VmHWM of /proc/self/status, native memory of OpenCV and
 * ONNX Runtime included) and the Java heap's peak, both resettable between measurements where the OS allows it.
 */
public final class ProcessMemory {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private ProcessMemory() {
    }

    /** Starts a new peak: resets the heap pools' peaks and, on Linux, the RSS high-water mark (to current RSS). */
    public static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        try {
            Files.writeString(CLEAR_REFS, "5");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // not Linux or not allowed: the high-water mark then covers the whole run
        }
    }

    /** Peak resident set in MiB since the last reset (or process start); NaN where /proc is absent. */
    public static double peakRssMiB() {
        return statusKiB("VmHWM:") / 1024.0;
    }

    /** Resident set now in MiB (VmRSS); NaN where /proc is absent. */
    public static double currentRssMiB() {
        return statusKiB("VmRSS:") / 1024.0;
    }

    /** Sum of the heap pools' peak usage in MiB since the last reset. */
    public static double peakHeapMiB() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024.0 * 1024.0);
    }

    private static double statusKiB(String key) {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(key)) {
                    return Double.parseDouble(line.substring(key.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | NumberFormatException | SecurityException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
