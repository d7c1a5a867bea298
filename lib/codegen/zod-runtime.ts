import { z } from "zod";
import { fitsDigits, INT_STRING, isJsonValue, type FieldRule } from "./rules";

/**
 * The live form preview's validation: a zod schema built at run time from the same FieldRules the zod source
 * printer reads (zod-source.ts), call for call, so the preview validates as the generated code will.
 */
export function runtimeField(rule: FieldRule): z.ZodType {
  const error = (issue: { input?: unknown }) => (issue.input == null ? rule.requiredMessage : rule.typeMessage);
  let item: z.ZodType;
  switch (rule.base) {
    case "string": {
      let s = z.string({ error });
      for (const c of rule.checks) {
        if (c.kind === "minLength") s = s.min(c.value, c.message);
        else if (c.kind === "maxLength") s = s.max(c.value, c.message);
        else if (c.kind === "pattern") s = s.regex(new RegExp(c.value), c.message);
        else if (c.kind === "email") s = s.regex(z.regexes.email, c.message);
      }
      item = s;
      break;
    }
    case "int":
    case "number": {
      let n: z.ZodType<number> = z.number({ error });
      for (const c of rule.checks) {
        if (c.kind === "int") n = (n as z.ZodNumber).int(c.message);
        else if (c.kind === "min") n = (n as z.ZodNumber).min(c.value, c.message);
        else if (c.kind === "max") n = (n as z.ZodNumber).max(c.value, c.message);
        else if (c.kind === "digits") {
          const { precision, scale } = c;
          n = n.refine((v) => fitsDigits(v, precision, scale), c.message);
        }
      }
      item = n;
      break;
    }
    case "intString":
      item = z.string({ error }).regex(INT_STRING, rule.checks[0]?.message);
      break;
    case "boolean":
      item = z.boolean({ error });
      break;
    case "datetime":
      item = z.iso.datetime({ offset: true, local: true, error });
      break;
    case "date":
      item = z.iso.date({ error });
      break;
    case "time":
      item = z.iso.time({ error });
      break;
    case "uuid":
      item = z.uuid({ error });
      break;
    case "enum":
      item = z.enum(rule.values as [string, ...string[]], { error });
      break;
    case "json":
      item = rule.required && !rule.list
        ? z.unknown().refine((v) => v != null, { error: rule.requiredMessage, abort: true }).refine(isJsonValue, rule.typeMessage)
        : z.unknown().refine(isJsonValue, rule.typeMessage);
      break;
  }
  return wrap(rule, item);
}

function wrap(rule: FieldRule, item: z.ZodType): z.ZodType {
  let t: z.ZodType = item;
  if (rule.list) t = z.array(rule.itemNullable && rule.base !== "json" ? item.nullable() : item, { error: (i) => (i.input == null ? rule.requiredMessage : rule.typeMessage) });
  return rule.required ? t : t.nullish();
}

export function runtimeObject(rules: FieldRule[]): z.ZodObject {
  return z.object(Object.fromEntries(rules.map((r) => [r.name, runtimeField(r)])));
}
