import com.sun.tools.attach.VirtualMachine;

/**
 * Sends one command to async-profiler inside a running JVM, loading the profiler's native agent
 * into it through the JDK's attach API (the first command loads it; later ones reach the same
 * agent). The benchmark uses it to profile each run of (a) in WildFly and the sandbox
 * ({@code BENCH_PROFILE=1}, see run-benchmark.sh). {@code jcmd JVMTI.agent_load} cannot do this:
 * it reads the {@code key=value} pairs of async-profiler's command as options of its own.
 *
 * <pre>java src/benchmark/ProfilerAttach.java 4242 /path/libasyncProfiler.so start,event=cpu,threads</pre>
 * (JVM pid, agent library, async-profiler command)
 */
public final class ProfilerAttach {

    public static void main(String[] args) throws Exception {
        VirtualMachine jvm = VirtualMachine.attach(args[0]);
        try {
            jvm.loadAgentPath(args[1], args[2]);
        } finally {
            jvm.detach();
        }
    }
}
