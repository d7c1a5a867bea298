"use client";

import { useTranslations } from "next-intl";
import { Handle, Position, type Node, type NodeProps } from "@xyflow/react";
import { ChevronDown, ChevronRight } from "lucide-react";
import Link from "next/link";
import { memo, useContext, useDeferredValue, useEffect, useRef, useSyncExternalStore } from "react";
import { cn } from "@/components/ui/cn";
import { HEADER_HEIGHT, NODE_WIDTH, ROW_HEIGHT, sourceHandle, targetHandle, type TableNodeData } from "./diagram-graph";
import { DiagramActions } from "./diagram-actions";
import { overlaps, showsDetail } from "./detail-view";

// Handles sit on the box's edges; only the source ones start a drag (any spot of a box ends one). They are put
// there by margins, not React Flow's translate(-50%, -50%): a transform each made a layer of paint for the
// compositor to sort on every frame of a zoom.
const handleClass = "!h-2.5 !w-2.5 !border-zinc-400 !bg-white ![transform:none] !-mt-[5px]";
const leftHandle = `${handleClass} !-ml-[5px]`;
const rightHandle = `${handleClass} !-mr-[5px]`;

function Marker({ children, title, className }: { children: string; title: string; className: string }) {
  return (
    <abbr title={title} className={cn("rounded px-1 text-[10px] font-semibold no-underline", className)}>
      {children}
    </abbr>
  );
}

/**
 * React Flow renders a node again whenever it moves (its position is a prop): the box's content is a component of
 * its own, drawn again only when its data or its detail changes.
 */
export function TableNode({ id, data, selected, positionAbsoluteX, positionAbsoluteY, width, height }: NodeProps<Node<TableNodeData, "table">>) {
  const actions = useContext(DiagramActions);
  const { detail, area } = actions;
  // In view and zoomed in (as of the last move's end: see detail-view.ts), the box draws its rows: a deferred
  // render, so whatever else the page does goes on while React draws them (an export needs them at once).
  const box = { x: positionAbsoluteX, y: positionAbsoluteY, width: width ?? NODE_WIDTH, height: height ?? 0 };
  const detailed = useSyncExternalStore(detail.subscribe, () => showsDetail(detail.get(), box), () => false);
  // Far from the view (detail-view.ts: the area), the box is an empty frame of its size with its two handles. A new
  // area (a jump, a pan that left it) draws and empties its boxes in a deferred render, so the frame that shows the
  // new view is not held up by the dozens of boxes around it. The selected box (the table just found) is drawn
  // whatever the area: a jump's area comes after the jump's frames (diagram-view.tsx, setArea).
  const inAreaSoon = useDeferredValue(useSyncExternalStore(area.subscribe, () => overlaps(area.get(), box), () => true));
  const inArea = selected || inAreaSoon;
  const bare = useDeferredValue(!detailed) && !actions.fullDetail;
  const { measure } = actions;
  const drawn = useRef(bare);
  useEffect(() => {
    // The columns' drag handles come and go with the detail: React Flow must know them to start a drag there
    // (not for an export's picture). A box drawn with them from the start is measured by React Flow itself. The
    // boxes a move's end details are measured together (diagram-actions.ts: batched).
    if (drawn.current && !bare && !actions.fullDetail) measure(id);
    drawn.current = bare;
  }, [bare, id, measure, actions.fullDetail]);
  if (!inArea && !actions.fullDetail) return <EmptyBox height={box.height} />;
  return <TableBox data={data} bare={bare} />;
}

/**
 * A box out of the area: nothing painted, the same size (React Flow measures no change) and its two handles where
 * the real box has them, so its lines keep their ends if React Flow measures it again. Plain elements with the
 * classes and attributes React Flow measures handles by, not <Handle>s: a jump (search-and-focus) empties ~290
 * boxes at once, and each <Handle> subscribes to React Flow's store.
 */
const EmptyBox = memo(function EmptyBox({ height }: { height: number }) {
  return (
    <div className="invisible rounded-md border border-transparent" style={{ width: NODE_WIDTH, height }}>
      <div className="relative border-b border-transparent" style={{ height: HEADER_HEIGHT }}>
        <PlainHandle type="target" />
        <PlainHandle type="source" />
      </div>
    </div>
  );
});

/**
 * A table's handle as plain elements, where a <Handle> would be and with the classes and attributes React Flow
 * measures handles by: for a box out of the area, and for a bare box (zoomed out), whose handles are not painted
 * and so start no drag. A <Handle> subscribes to React Flow's store, whose every change (each frame of a pan or
 * zoom) runs every subscriber's selector: 600 of them at 300 boxes zoomed out.
 */
function PlainHandle({ type }: { type: "source" | "target" }) {
  return type === "target" ? (
    <div data-handleid={targetHandle()} data-handlepos={Position.Left} className={`react-flow__handle react-flow__handle-left target ${leftHandle}`} />
  ) : (
    <div data-handleid={sourceHandle()} data-handlepos={Position.Right} className={`react-flow__handle react-flow__handle-right source ${rightHandle}`} />
  );
}

const TableBox = memo(function TableBox({ data, bare }: { data: TableNodeData; bare: boolean }) {
  const { table, columns, foreignKeys, collapsed } = data;
  const actions = useContext(DiagramActions);
  const t = useTranslations("diagram");
  const name = table.schema_name === "public" ? table.table_name : `${table.schema_name}.${table.table_name}`;
  return (
    <div
      data-table={table.table_name}
      // Bare, the table's handles are not painted either (they stay in place, so the lines still end at them).
      className={cn("rounded-md border border-zinc-300 bg-white text-xs shadow-sm", bare && "[&_.react-flow__handle]:invisible")}
      style={{ width: NODE_WIDTH }}
    >
      <div className="relative flex items-center gap-1.5 border-b border-zinc-200 bg-zinc-100 px-2" style={{ height: HEADER_HEIGHT }}>
        {bare ? <PlainHandle type="target" /> : <Handle type="target" position={Position.Left} id={targetHandle()} isConnectableStart={false} className={leftHandle} />}
        {columns && (
          <button
            type="button"
            className="nodrag rounded p-0.5 hover:bg-zinc-200"
            aria-label={collapsed ? t("showColumns", { name }) : t("hideColumnsOf", { name })}
            aria-expanded={!collapsed}
            onClick={() => actions.toggleCollapsed(table.id)}
          >
            {collapsed ? <ChevronRight className="size-3.5" /> : <ChevronDown className="size-3.5" />}
          </button>
        )}
        <div className="min-w-0 flex-1 leading-tight">
          <Link href={`/tables/${table.id}`} prefetch={false} className="nodrag block truncate font-mono text-[13px] font-semibold text-blue-800 hover:underline">
            {name}
          </Link>
          <span className="block truncate text-zinc-600">{table.label}</span>
        </div>
        {bare ? (
          <PlainHandle type="source" />
        ) : (
          <Handle type="source" position={Position.Right} id={sourceHandle()} className={rightHandle} title={t("dragToRelate", { name })} />
        )}
      </div>
      {!collapsed && columns && bare && <div aria-hidden style={{ height: columns.length * ROW_HEIGHT }} />}
      {!collapsed &&
        !bare &&
        columns?.map((c) => (
          <div key={c.pg_column} data-column={c.pg_column} className="relative flex items-center gap-1 px-2" style={{ height: ROW_HEIGHT }}>
            {c.is_primary_key && <Marker title={t("primaryKey")} className="bg-amber-100 text-amber-900">PK</Marker>}
            {foreignKeys.includes(c.pg_column) && <Marker title={t("foreignKey")} className="bg-blue-100 text-blue-900">FK</Marker>}
            {c.is_unique && <Marker title={t("unique")} className="bg-violet-100 text-violet-900">UQ</Marker>}
            <span className="truncate font-mono">{c.pg_column}</span>
            <span className="ml-auto truncate pl-2 font-mono text-zinc-500">{c.pg_type}</span>
            <Handle type="source" position={Position.Right} id={sourceHandle(c.pg_column)} className={rightHandle} />
          </div>
        ))}
      {!columns && <p className="px-2 py-1 text-zinc-500">{t("notLoaded")}</p>}
    </div>
  );
});
