import {
  Kind,
  type ASTNode,
  type ConstDirectiveNode,
  type DefinitionNode,
  type EnumValueDefinitionNode,
  type FieldDefinitionNode,
  type InputValueDefinitionNode,
  type StringValueNode,
  type TypeNode,
} from "graphql";
import type { GenerationConfig } from "./model";
import { interleave } from "./file-parts";
import { CUSTOM_SCALARS, enumValueNames } from "./names";
import { prettierSdl } from "./pretty-sdl";
import { printFieldLine, printSdl, printSdlWithFieldLines } from "./print-sdl";
import { inputColumns, type ColumnShape, type ResolvedColumn, type ResolvedModel, type ResolvedTable } from "./resolve";

const name = (value: string) => ({ kind: Kind.NAME, value }) as const;
const named = (value: string): TypeNode => ({ kind: Kind.NAMED_TYPE, name: name(value) });
const nonNull = (type: TypeNode): TypeNode => (type.kind === Kind.NON_NULL_TYPE ? type : { kind: Kind.NON_NULL_TYPE, type });
const list = (type: TypeNode): TypeNode => ({ kind: Kind.LIST_TYPE, type });
const str = (value: string): StringValueNode => ({ kind: Kind.STRING, value });

function typeOf(ref: { name: string; list: boolean; itemNonNull: boolean }, required: boolean): TypeNode {
  let t = named(ref.name);
  if (ref.list) t = list(ref.itemNonNull ? nonNull(t) : t);
  return required ? nonNull(t) : t;
}

function directive(n: string, args: [string, string][]): ConstDirectiveNode {
  return {
    kind: Kind.DIRECTIVE,
    name: name(n),
    arguments: args.map(([k, v]) => ({ kind: Kind.ARGUMENT, name: name(k), value: str(v) })),
  };
}

/** Label, help and comment joined, when includeComments: the schema documents itself. */
function describe(config: GenerationConfig, ...parts: (string | null | undefined)[]): { description?: StringValueNode } {
  if (!config.includeComments) return {};
  const text = parts.map((p) => p?.trim()).filter(Boolean).join("\n\n");
  return text ? { description: { kind: Kind.STRING, value: text, block: true } } : {};
}

function field(n: string, type: TypeNode, extra: Partial<FieldDefinitionNode> = {}): FieldDefinitionNode {
  return { kind: Kind.FIELD_DEFINITION, name: name(n), type, arguments: [], directives: [], ...extra };
}
function arg(n: string, type: TypeNode, description?: StringValueNode): InputValueDefinitionNode {
  return { kind: Kind.INPUT_VALUE_DEFINITION, name: name(n), type, directives: [], ...(description ? { description } : {}) };
}

function columnField(config: GenerationConfig, c: ResolvedColumn): FieldDefinitionNode {
  const directives: ConstDirectiveNode[] = [];
  if (c.col.graphql_resolver?.trim()) directives.push(directive("resolver", [["name", c.col.graphql_resolver.trim()]]));
  const auth: [string, string][] = [];
  if (c.col.permission_read?.trim()) auth.push(["read", c.col.permission_read.trim()]);
  if (c.col.permission_write?.trim()) auth.push(["write", c.col.permission_write.trim()]);
  if (auth.length) directives.push(directive("auth", auth));
  return field(c.name, typeOf(c.ref, c.nonNull), { directives, ...describe(config, c.col.label, c.col.help_text, c.col.comment) });
}

function tableAuth(t: ResolvedTable): ConstDirectiveNode[] {
  const p = t.table.api_permissions;
  if (!p || typeof p !== "object" || Array.isArray(p)) return [];
  const args = (["read", "write", "delete"] as const)
    .map((k) => [k, (p as Record<string, unknown>)[k]] as const)
    .filter((e): e is readonly ["read" | "write" | "delete", string] => typeof e[1] === "string" && e[1].trim() !== "")
    .map(([k, v]): [string, string] => [k, v.trim()]);
  return args.length ? [directive("auth", args)] : [];
}

const inputField = (config: GenerationConfig, c: ResolvedColumn, required: boolean) =>
  arg(c.name, typeOf(c.ref, required), describe(config, c.col.label).description);

/**
 * A field's printed line(s) inside its type's braces, and the same in prettier's layout (prettierSdl's result,
 * null when it cannot vouch for them), worked out the first time it is asked for.
 */
interface FieldLine {
  text: string;
  pretty?: string | null;
}
const prettyLine = (l: FieldLine) => (l.pretty === undefined ? (l.pretty = prettierSdl(l.text)) : l.pretty);

/**
 * A column's printed lines (its output field; its input field, required or not), kept per shape (ColumnShape)
 * and comments setting: the same text for every column of that shape, put in prettier's layout once. Only for
 * printSdl's own output.
 */
const kept = new Map<string, WeakMap<ColumnShape, FieldLine>>();
function fieldLine(config: GenerationConfig, c: ResolvedColumn, line: "output" | "required" | "optional"): FieldLine {
  const key = `${line}:${config.includeComments}`;
  let lines = kept.get(key);
  if (!lines) kept.set(key, (lines = new WeakMap()));
  let field = lines.get(c.shape);
  if (field === undefined) {
    field = { text: printFieldLine(line === "output" ? columnField(config, c) : inputField(config, c, line === "required")) };
    lines.set(c.shape, field);
  }
  return field;
}

/** An enum column's values; one renamed from its stored value (enumValueNames) says which it stands for. */
function enumValues(c: ResolvedColumn, config: GenerationConfig): EnumValueDefinitionNode[] {
  const names = enumValueNames(c.enumOptions!.map((o) => o.value));
  return c.enumOptions!.map((o, i) => ({
    kind: Kind.ENUM_VALUE_DEFINITION,
    name: name(names[i]),
    directives: names[i] === o.value ? [] : [{ kind: Kind.DIRECTIVE, name: name("value"), arguments: [{ kind: Kind.ARGUMENT, name: name("stored"), value: { kind: Kind.STRING, value: o.value } }] }],
    ...describe(config, o.label),
  }));
}

const renamesEnumValue = (c: ResolvedColumn) => c.enumOptions !== null && enumValueNames(c.enumOptions.map((o) => o.value)).some((n, i) => n !== c.enumOptions![i].value);

interface Printed {
  node: DefinitionNode;
  /** With printSdl: the node without its fields, and its fields' lines (see printSdlWithFieldLines). */
  lines?: FieldLine[];
}

function inputDefinition(t: ResolvedTable, kind: "Create" | "Update", config: GenerationConfig, fast: boolean): Printed | null {
  const columns = inputColumns(t, kind);
  if (columns.length === 0) return null;
  const required = (c: ResolvedColumn) => kind === "Create" && c.createRequired;
  const node = { kind: Kind.INPUT_OBJECT_TYPE_DEFINITION, name: name(`${kind}${t.typeName}Input`), directives: [] } as const;
  if (fast) return { node: { ...node, fields: [] }, lines: columns.map((c) => fieldLine(config, c, required(c) ? "required" : "optional")) };
  return { node: { ...node, fields: columns.map((c) => inputField(config, c, required(c))) } };
}

/**
 * A table's own definitions: its enum types, object type and create / update inputs, and its root fields. With
 * `fast` (printing with printSdl), the columns' fields come as their kept lines.
 */
function tableDefinitions(t: ResolvedTable, config: GenerationConfig, query: FieldDefinitionNode[], mutation: FieldDefinitionNode[], fast: boolean): Printed[] {
  const defs: Printed[] = [];
  for (const c of t.columns.filter((x) => x.enumOptions)) {
    defs.push({ node: {
      kind: Kind.ENUM_TYPE_DEFINITION,
      name: name(c.ref.name),
      directives: [],
      values: enumValues(c, config),
      ...describe(config, c.col.label),
    } });
  }
  const outputs = t.columns.filter((c) => c.col.is_graphql_output !== false);
  const relations = t.relationFields.map((r) =>
    field(r.name, r.list ? nonNull(list(nonNull(named(r.target)))) : r.nonNull ? nonNull(named(r.target)) : named(r.target), describe(config, r.description)),
  );
  const empty = outputs.length + relations.length === 0 ? [field("_empty", named("Boolean"), describe(config, "This type has no output fields yet."))] : [];
  const type = { kind: Kind.OBJECT_TYPE_DEFINITION, name: name(t.typeName), interfaces: [], directives: tableAuth(t), ...describe(config, t.table.label, t.table.description) } as const;
  defs.push(
    fast
      ? { node: { ...type, fields: [] }, lines: [...outputs.map((c) => fieldLine(config, c, "output")), ...[...relations, ...empty].map((f) => ({ text: printFieldLine(f) }))] }
      : { node: { ...type, fields: [...outputs.map((c) => columnField(config, c)), ...relations, ...empty] } },
  );
  const create = inputDefinition(t, "Create", config, fast);
  const update = inputDefinition(t, "Update", config, fast);
  if (create) defs.push(create);
  if (update) defs.push(update);
  const pkType = t.pk ? nonNull(named(t.pk.ref.list ? "String" : t.pk.ref.name)) : null;
  const pkArg = t.pk && pkType && !t.pk.ref.list ? arg(t.pk.name, pkType) : null;
  query.push(field(t.many, nonNull(list(nonNull(named(t.typeName)))), { arguments: [arg("limit", named("Int")), arg("offset", named("Int"))] }));
  if (pkArg) query.push(field(t.one, named(t.typeName), { arguments: [pkArg] }));
  if (create) mutation.push(field(`create${t.typeName}`, nonNull(named(t.typeName)), { arguments: [arg("input", nonNull(named(`Create${t.typeName}Input`)))] }));
  if (update && pkArg) mutation.push(field(`update${t.typeName}`, named(t.typeName), { arguments: [pkArg, arg("input", nonNull(named(`Update${t.typeName}Input`)))] }));
  if (pkArg) mutation.push(field(`delete${t.typeName}`, nonNull(named("Boolean")), { arguments: [pkArg] }));
  return defs;
}

/** Prints one definition: printSdl (graphql-js's `print` gives the same bytes; the tests compare them). */
export type PrintNode = (node: ASTNode) => string;

/** A table's part of the SDL: its definitions, and its fields of Query and Mutation (each root type's inner lines). */
export interface SdlPart {
  defs: string;
  query: string;
  mutation: string;
  /**
   * prettierSdl(defs), made from the pieces defs was printed from (printed with printSdl only): each column's
   * field lines are put in prettier's layout once per shape, not once per table (tested to be the same).
   */
  prettyDefs?: () => string | null;
}

/** What a definition was printed from: its whole text, or its head and its field lines (printSdlWithFieldLines). */
type Piece = { text: string } | { head: string; lines: FieldLine[] };

/**
 * prettierSdl over the definitions joined: it works line by line, a description's block never leaves its field's
 * lines, and a blank line between definitions is left as it is, so each piece is put in its layout on its own.
 * The line `head {` is measured whole, as in the joined text.
 */
function prettyDefinitions(pieces: Piece[]): string | null {
  const out: string[] = [];
  for (const piece of pieces) {
    if ("text" in piece || piece.lines.length === 0) {
      const pretty = prettierSdl("text" in piece ? piece.text : piece.head);
      if (pretty === null) return null;
      out.push(pretty);
      continue;
    }
    const head = prettierSdl(`${piece.head} {`);
    if (head === null) return null;
    const lines = [head];
    for (const l of piece.lines) {
      const pretty = prettyLine(l);
      if (pretty === null) return null;
      lines.push(pretty);
    }
    lines.push("}");
    out.push(lines.join("\n"));
  }
  return out.join("\n\n");
}

/** The lines between `type X {` and `}`: a root type's fields as printed, to be joined with other tables'. */
function innerLines(fields: FieldDefinitionNode[], print: PrintNode): string {
  if (fields.length === 0) return "";
  const text = print({ kind: Kind.OBJECT_TYPE_DEFINITION, name: name("Query"), interfaces: [], directives: [], fields });
  return text.slice(text.indexOf("{\n") + 2, text.lastIndexOf("\n}"));
}

export function sdlTablePart(t: ResolvedTable, config: GenerationConfig, print: PrintNode = printSdl): SdlPart {
  const query: FieldDefinitionNode[] = [];
  const mutation: FieldDefinitionNode[] = [];
  const fast = print === printSdl;
  const pieces: Piece[] = [];
  const texts = tableDefinitions(t, config, query, mutation, fast).map((d) => {
    if (!d.lines) {
      const text = print(d.node);
      pieces.push({ text });
      return text;
    }
    const head = printSdl(d.node);
    pieces.push({ head, lines: d.lines });
    return printSdlWithFieldLines(head, d.lines.map((l) => l.text));
  });
  const part: SdlPart = { defs: texts.join("\n\n"), query: innerLines(query, print), mutation: innerLines(mutation, print) };
  if (fast) part.prettyDefs = () => prettyDefinitions(pieces);
  return part;
}

/** The directives and the custom scalars the API tables use: what comes before the tables. */
export function sdlHead(model: ResolvedModel, config: GenerationConfig, print: PrintNode = printSdl): string {
  const used = new Set<string>();
  for (const t of model.tables) if (t.api) for (const c of t.columns) if (c.scalar) used.add(c.ref.name);
  const directive = (directiveName: string, args: InputValueDefinitionNode[], locations: string[], description: string): DefinitionNode => ({
    kind: Kind.DIRECTIVE_DEFINITION,
    name: name(directiveName),
    arguments: args,
    repeatable: false,
    locations: locations.map(name),
    ...describe(config, description),
  });
  const head: DefinitionNode[] = [
    directive("resolver", [arg("name", nonNull(named("String")))], ["FIELD_DEFINITION"], "The custom resolver that computes this field."),
    directive("auth", ["read", "write", "delete"].map((a) => arg(a, named("String"))), ["OBJECT", "FIELD_DEFINITION"], "Who may read, write and delete (the metadata's permissions)."),
    // Declared only where used, so a model without renamed values prints as before.
    ...(model.tables.some((t) => t.api && t.columns.some(renamesEnumValue))
      ? [directive("value", [arg("stored", nonNull(named("String")))], ["ENUM_VALUE"], "The value stored in the database, where it is not a GraphQL name (PG-13 is PG_13).")]
      : []),
    ...CUSTOM_SCALARS.filter((s) => used.has(s)).map((s): DefinitionNode => ({ kind: Kind.SCALAR_TYPE_DEFINITION, name: name(s), directives: [] })),
  ];
  return head.map((d) => print(d)).join("\n\n");
}

/** Query when no table is in the API (a schema needs a Query type). */
export function emptyQuery(config: GenerationConfig, print: PrintNode = printSdl): string {
  return innerLines([field("_empty", named("Boolean"), describe(config, "No API-enabled tables yet."))], print);
}

/**
 * The SDL from its parts, joined exactly as graphql-js prints a document (definitions apart by a blank line) and
 * a type's fields (one per line, indented): the same text as printing the whole document at once, which for
 * 5,000 tables mostly collected garbage, and each table's part can be kept while its metadata does not change.
 */
/** The file as its parts (see file-parts.ts): the head, each table's definitions, then the root types' fields. */
export function sdlParts(head: string, parts: SdlPart[], config: GenerationConfig, print: PrintNode = printSdl): string[] {
  const out = interleave([head, ...parts.filter((p) => p.defs).map((p) => p.defs)], "\n\n");
  const query = parts.map((p) => p.query).filter(Boolean);
  const mutation = parts.map((p) => p.mutation).filter(Boolean);
  out.push("\n\ntype Query {\n");
  interleave(query.length ? query : [emptyQuery(config, print)], "\n", out).push("\n}");
  if (mutation.length) {
    out.push("\n\ntype Mutation {\n");
    interleave(mutation, "\n", out).push("\n}");
  }
  out.push("\n");
  return out;
}

export function assembleSdl(head: string, parts: SdlPart[], config: GenerationConfig, print: PrintNode = printSdl): string {
  return sdlParts(head, parts, config, print).join("");
}

/** The GraphQL SDL for the API-enabled tables, built as graphql-js definitions and printed as graphql-js prints them. */
export function generateSdl(model: ResolvedModel, config: GenerationConfig, print: PrintNode = printSdl): string {
  return assembleSdl(sdlHead(model, config, print), model.tables.filter((t) => t.api).map((t) => sdlTablePart(t, config, print)), config, print);
}
