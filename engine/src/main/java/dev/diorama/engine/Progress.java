package dev.diorama.engine;

/** Receives how far a long job has come; called from the job's own thread. */
@FunctionalInterface
public interface Progress {
    Progress NONE = (stage, fraction) -> { };

    /**
     * @param stage     what is being done now, e.g. "simulating", "filming"
     * @param fraction  how much of that stage is done, in [0, 1]
     */
    void update(String stage, double fraction);
}
