import { Kind, type ASTNode, type ConstDirectiveNode, type StringValueNode, type TypeNode } from "graphql";
import { printBlockString } from "graphql/language/blockString.js";
import { printString } from "graphql/language/printString.js";

/**
 * graphql-js's `print` for the definitions the SDL generator builds, as plain string work: the same bytes
 * (tested against `print` on every fixture and on random models), without graphql-js's visitor and print buffers,
 * which made most of the generation's garbage at 5,000 tables. A node kind the generator never builds throws.
 */
export function printSdl(node: ASTNode): string {
  switch (node.kind) {
    case Kind.NAMED_TYPE:
    case Kind.LIST_TYPE:
    case Kind.NON_NULL_TYPE:
      return type(node);
    case Kind.FIELD_DEFINITION:
      return `${described(node.description)}${node.name.value}${args(node.arguments)}: ${type(node.type)}${directives(node.directives, " ")}`;
    case Kind.INPUT_VALUE_DEFINITION:
      if (node.defaultValue) break;
      return `${described(node.description)}${node.name.value}: ${type(node.type)}${directives(node.directives, " ")}`;
    case Kind.OBJECT_TYPE_DEFINITION:
      if (node.interfaces?.length) break;
      return `${described(node.description)}${spaced(["type", node.name.value, directives(node.directives), block(node.fields)])}`;
    case Kind.INPUT_OBJECT_TYPE_DEFINITION:
      return `${described(node.description)}${spaced(["input", node.name.value, directives(node.directives), block(node.fields)])}`;
    case Kind.ENUM_TYPE_DEFINITION:
      return `${described(node.description)}${spaced(["enum", node.name.value, directives(node.directives), block(node.values)])}`;
    case Kind.ENUM_VALUE_DEFINITION:
      return `${described(node.description)}${spaced([node.name.value, directives(node.directives)])}`;
    case Kind.SCALAR_TYPE_DEFINITION:
      return `${described(node.description)}${spaced(["scalar", node.name.value, directives(node.directives)])}`;
    case Kind.DIRECTIVE_DEFINITION:
      return (
        `${described(node.description)}directive @${node.name.value}${args(node.arguments)}${node.repeatable ? " repeatable" : ""}` +
        ` on ${node.locations.map((l) => l.value).join(" | ")}`
      );
  }
  throw new Error(`printSdl: ${node.kind} is not printed here (use graphql's print)`);
}

/** A field (or input field) as printSdl prints it inside its type's braces: indented. */
export const printFieldLine = (node: ASTNode): string => indent(printSdl(node));

/**
 * A type definition whose fields were printed by printFieldLine, from `head`, printSdl's print of the node without
 * its fields: the same text as printSdl gives for the node with those fields.
 */
export function printSdlWithFieldLines(head: string, lines: readonly string[]): string {
  return lines.length ? `${head} {\n${lines.join("\n")}\n}` : head;
}

function type(node: TypeNode): string {
  if (node.kind === Kind.NAMED_TYPE) return node.name.value;
  if (node.kind === Kind.LIST_TYPE) return `[${type(node.type)}]`;
  return `${type(node.type)}!`;
}

const stringValue = (s: StringValueNode) => (s.block === true ? printBlockString(s.value) : printString(s.value));
const described = (d: StringValueNode | undefined) => (d ? `${stringValue(d)}\n` : "");
/** Every line two spaces further in (blank lines too, as graphql-js does). */
const indent = (text: string) => `  ${text.replace(/\n/g, "\n  ")}`;
/** Non-empty parts joined by a space. */
const spaced = (parts: string[]) => parts.filter((p) => p !== "").join(" ");

function directives(list: readonly ConstDirectiveNode[] | undefined, before = ""): string {
  if (!list?.length) return "";
  const printed = list.map((d) => `@${d.name.value}${d.arguments?.length ? `(${d.arguments.map((a) => `${a.name.value}: ${value(a.value)}`).join(", ")})` : ""}`);
  return before + printed.join(" ");
}

function value(node: ASTNode): string {
  if (node.kind === Kind.STRING) return stringValue(node);
  throw new Error(`printSdl: ${node.kind} values are not printed here`);
}

/** Arguments on one line, or one per line when one of them spans lines (a description). */
function args(list: readonly ASTNode[] | undefined): string {
  if (!list?.length) return "";
  const printed = list.map(printSdl);
  return printed.some((p) => p.includes("\n")) ? `(\n${indent(printed.join("\n"))}\n)` : `(${printed.join(", ")})`;
}

function block(list: readonly ASTNode[] | undefined): string {
  if (!list?.length) return "";
  return `{\n${indent(list.map(printSdl).join("\n"))}\n}`;
}
