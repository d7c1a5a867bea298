import { getNodesBounds, getViewportForBounds, type Node } from "@xyflow/react";
import { toPng, toSvg } from "html-to-image";

const PADDING = 40;
const MAX_SIDE = 8000;

/**
 * The whole diagram (every shown table, not just the visible part) as an SVG or PNG download, the way React
 * Flow's docs do it: render the viewport element at a transform that fits all nodes.
 */
export async function exportDiagram(viewport: HTMLElement, nodes: Node[], format: "svg" | "png", name = "diagram") {
  const bounds = getNodesBounds(nodes);
  // At most MAX_SIDE pixels a side: a browser cannot encode a bigger canvas.
  const scale = Math.min(1, MAX_SIDE / (bounds.width + 2 * PADDING), MAX_SIDE / (bounds.height + 2 * PADDING));
  const width = Math.ceil((bounds.width + 2 * PADDING) * scale);
  const height = Math.ceil((bounds.height + 2 * PADDING) * scale);
  const fit = getViewportForBounds(bounds, width, height, scale, scale, PADDING / (bounds.width + 2 * PADDING));
  const options = {
    backgroundColor: "#ffffff",
    width,
    height,
    style: { width: `${width}px`, height: `${height}px`, transform: `translate(${fit.x}px, ${fit.y}px) scale(${fit.zoom})` },
  };
  const url = format === "svg" ? await toSvg(viewport, options) : await toPng(viewport, options);
  const link = document.createElement("a");
  link.href = url;
  link.download = `${name}.${format}`;
  link.click();
}
