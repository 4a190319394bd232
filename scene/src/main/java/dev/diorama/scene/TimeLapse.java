package dev.diorama.scene;

import java.time.LocalTime;

/**
 * A film in which the clock runs fast: the scene's {@code time} is the local time at the first
 * frame, and the clock advances evenly by {@code hours} over the film, so the sun, the sky and the
 * shadows follow it from frame to frame. The physics runs at its normal speed (a falling ball still
 * falls in half a second): only the light is sped up.
 *
 * @param hours  how much clock time the whole film spans, (0, 48]; past midnight the date advances
 */
public record TimeLapse(double hours) {
    public static final double MAX_HOURS = 48;

    public TimeLapse {
        SceneException.check(Double.isFinite(hours) && hours > 0 && hours <= MAX_HOURS, "/hours",
                "expected the hours the film spans, greater than 0 and at most " + (int) MAX_HOURS);
    }

    /** From {@code start} to {@code end} local time; an end at or before the start is on the next day. */
    public static TimeLapse between(LocalTime start, LocalTime end) {
        int minutes = (end.toSecondOfDay() - start.toSecondOfDay()) / 60;
        if (minutes <= 0) minutes += 24 * 60;
        return new TimeLapse(minutes / 60.0);
    }

    /** The local clock time at the end of the film. */
    public LocalTime end(LocalTime start) {
        return start.plusMinutes(Math.round(hours * 60));
    }
}
