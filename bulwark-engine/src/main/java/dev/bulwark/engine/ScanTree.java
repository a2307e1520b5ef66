package dev.bulwark.engine;

import dev.bulwark.model.Finding;
import dev.bulwark.model.Target;
import dev.bulwark.spi.FileTree;
import java.util.List;

/** The result of walking a target: its files (archives expanded) and what the walk itself found. */
record ScanTree(Target target, FileTree tree, List<Finding> findings, java.util.Map<String, String> layerOfPath) {}
