"use client";

import type { AriaLabelConfig } from "@xyflow/react";
import { useTranslations } from "next-intl";
import { useMemo } from "react";

/**
 * What React Flow says to screen readers and in its buttons' tooltips (the boxes' and lines' keyboard help, the
 * zoom buttons, the minimap, the handles), in the page's language: its own defaults are English.
 */
export function useFlowLabels(): AriaLabelConfig {
  const t = useTranslations("diagram.flow");
  return useMemo(
    () => ({
      "node.a11yDescription.default": t("nodeHelp"),
      "node.a11yDescription.keyboardDisabled": t("nodeHelp"),
      "node.a11yDescription.ariaLiveMessage": ({ direction, x, y }) => t("moved", { direction, x: Math.round(x), y: Math.round(y) }),
      "edge.a11yDescription.default": t("edgeHelp"),
      "controls.ariaLabel": t("controls"),
      "controls.zoomIn.ariaLabel": t("zoomIn"),
      "controls.zoomOut.ariaLabel": t("zoomOut"),
      "controls.fitView.ariaLabel": t("fitView"),
      "controls.interactive.ariaLabel": t("interactive"),
      "minimap.ariaLabel": t("minimap"),
      "handle.ariaLabel": t("handle"),
    }),
    [t],
  );
}
