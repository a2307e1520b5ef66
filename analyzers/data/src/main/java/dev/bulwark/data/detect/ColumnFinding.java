package dev.bulwark.data.detect;

import dev.bulwark.data.PiiEntity;

/**
 * One entity found in one column.
 *
 * @param share matching values / non-empty values sampled
 * @param confidence in [0, 1]: detection confidence, scaled by the share and raised by column-name evidence
 * @param freeText whether the column holds free text (values of four or more words on average)
 * @param sample a redacted example, never the value itself
 */
public record ColumnFinding(String column, PiiEntity entity, long matches, long nonEmpty, double share,
    double confidence, boolean nameEvidence, boolean freeText, String sample) {}
