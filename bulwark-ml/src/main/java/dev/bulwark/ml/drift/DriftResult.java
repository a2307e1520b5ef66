package dev.bulwark.ml.drift;

import java.util.List;

/** All columns and the dataset-level decision. */
public record DriftResult(String referencePath, long referenceRows, String currentPath, long currentRows,
    List<ColumnDrift> columns, double share, boolean detected, DriftRequest.Thresholds thresholds) {}
