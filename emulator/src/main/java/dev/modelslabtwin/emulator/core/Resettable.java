package dev.modelslabtwin.emulator.core;

/** Something the emulator keeps in memory that a reset of the whole emulator puts back as it was at start. */
public interface Resettable {

    /** Back to the state of a new emulator. */
    void reset();
}
