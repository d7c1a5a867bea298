"use client";

import { getBezierPath, Position, type Edge, type EdgeProps } from "@xyflow/react";
import { memo } from "react";
import { relationEnds, type End, type RelationEdgeData } from "./diagram-graph";

const GLYPH = 16;

/** A crow's-foot end drawn at (x, y), pointing away from the box along `dir` (+1: right, -1: left). */
function endGlyph(x: number, y: number, dir: number, end: End): string {
  const bar = (at: number) => `M ${x + dir * at} ${y - 6} L ${x + dir * at} ${y + 6}`;
  const stem = `M ${x} ${y} L ${x + dir * GLYPH} ${y}`;
  if (end === "one") return `${stem} ${bar(6)} ${bar(10)}`;
  // Many: three toes spread on the box, meeting on the line; a bar says "at least one".
  return `${stem} M ${x} ${y - 7} L ${x + dir * 10} ${y} M ${x} ${y + 7} L ${x + dir * 10} ${y} ${bar(13)}`;
}

const direction = (p: Position) => (p === Position.Left ? -1 : 1);

export const RelationEdge = memo(function RelationEdge(props: EdgeProps<Edge<RelationEdgeData, "relation">>) {
  const { sourceX, targetX, sourcePosition, targetPosition, data, selected } = props;
  // React Flow gives the table's handles (the header's middle): the line ends at its column's row below.
  const sourceY = props.sourceY + (data?.fromOffset ?? 0);
  const targetY = props.targetY + (data?.toOffset ?? 0);
  const [sd, td] = [direction(sourcePosition), direction(targetPosition)];
  const [path, labelX, labelY] = getBezierPath({
    sourceX: sourceX + sd * GLYPH,
    sourceY,
    sourcePosition,
    targetX: targetX + td * GLYPH,
    targetY,
    targetPosition,
  });
  const ends = relationEnds(data?.relationType ?? "ManyToOne");
  // Highlighted (a table's lines) and dimmed (the others) come from highlightCss: no line is redrawn for them.
  const stroke = selected ? "#dc2626" : "#71717a";
  return (
    <g data-relation={data?.label} data-selected={selected || undefined}>
      {/* A wide invisible stroke: the thin line is easy to click. */}
      <path d={path} fill="none" stroke="transparent" strokeWidth={16} className="react-flow__edge-interaction" />
      <path d={path} fill="none" stroke={stroke} strokeWidth={selected ? 2.5 : 1.5} className="react-flow__edge-path" />
      <path d={endGlyph(sourceX, sourceY, sd, ends.from)} fill="none" stroke={stroke} strokeWidth={1.5} className="relation-end" />
      <path d={endGlyph(targetX, targetY, td, ends.to)} fill="none" stroke={stroke} strokeWidth={1.5} className="relation-end" />
      {data?.label && (
        <text
          x={labelX}
          y={labelY}
          textAnchor="middle"
          dominantBaseline="middle"
          fontSize={11}
          fill="#1e3a8a"
          stroke="white"
          strokeWidth={3}
          paintOrder="stroke"
        >
          {data.label}
        </text>
      )}
    </g>
  );
});
