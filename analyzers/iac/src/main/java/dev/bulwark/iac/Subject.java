package dev.bulwark.iac;

import dev.bulwark.policy.yaml.Pos;
import java.util.Map;

/**
 * One thing the checks of an input are evaluated on (a Dockerfile, a Kubernetes resource, a workflow):
 * its CEL variables, where it starts, and a label for findings ({@code Deployment/api}).
 */
public record Subject(Map<String, Object> variables, Pos start, String label) {}
