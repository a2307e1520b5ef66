package dev.bulwark.model.scan.rules;

import java.util.List;

/** Every rule of the model scanner. */
public final class ModelRules {
  private ModelRules() {}

  public static final List<ModelRule> ALL = List.of(
      PickleDangerousCallableRule.INSTANCE,
      PickleUnknownCallableRule.INSTANCE,
      PickleMalformedRule.INSTANCE,
      ArchiveTamperingRule.INSTANCE,
      DecompressionLimitRule.INSTANCE,
      KerasLambdaRule.INSTANCE,
      KerasCustomObjectRule.INSTANCE,
      TfDangerousOpRule.INSTANCE,
      OnnxExternalDataEscapeRule.INSTANCE,
      OnnxCustomOpDomainRule.INSTANCE,
      MalformedModelRule.INSTANCE,
      SafetensorsInvalidHeaderRule.INSTANCE,
      GgufInvalidHeaderRule.INSTANCE,
      GgufTemplateInjectionRule.INSTANCE,
      HfRemoteCodeRule.INSTANCE,
      HfDangerousCodeRule.INSTANCE);
}
