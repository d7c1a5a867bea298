import { describe, expect, it } from "vitest";
import { everything, usersPosts } from "./fixtures";
import type { FormSpec } from "./form-spec";
import { decodeForm, encodeForm, type PreviewForm } from "./form-wire";
import { analyze } from "./generate";
import { randomModel } from "./random-model";
import { runtimeObject } from "./zod-runtime";

/** The spec as the preview had it before (the column ids aside), after a trip through JSON as the action sends it. */
const withoutIds = (spec: FormSpec): PreviewForm => ({ ...spec, fields: spec.fields.map(({ columnId: _, ...f }) => f) });
const trip = (spec: FormSpec) => decodeForm(JSON.parse(JSON.stringify(encodeForm(spec))));

describe("the Form preview's compact form", () => {
  it("decodes to the same fields, rules and messages on the fixtures and 200 random models", () => {
    const specs = [usersPosts(), everything(), ...Array.from({ length: 200 }, (_, i) => randomModel(1000 + i))].flatMap((m) => analyze(m).forms);
    expect(specs.reduce((n, s) => n + s.fields.length, 0)).toBeGreaterThan(1000);
    for (const spec of specs) expect(trip(spec)).toEqual(withoutIds(spec));
  });

  it("sends no message the label gives, and far fewer bytes", () => {
    const spec = analyze(usersPosts()).forms.find((f) => f.typeName === "User")!;
    const email = spec.fields.find((f) => f.name === "email")!;
    const wire = JSON.stringify(encodeForm(spec));
    for (const message of [email.rule.requiredMessage, ...email.rule.checks.map((c) => c.message)]) expect(wire).not.toContain(message);
    expect(wire.length).toBeLessThan(JSON.stringify(spec).length / 2);
  });

  it("a message that is not the label's, a rule name or required flag of its own, still arrives as it was", () => {
    const spec = analyze(usersPosts()).forms.find((f) => f.typeName === "User")!;
    const [first, ...rest] = spec.fields;
    const odd: FormSpec = {
      ...spec,
      fields: [
        {
          ...first,
          valueAs: "json",
          rule: {
            ...first.rule,
            name: "other",
            required: !first.required,
            requiredMessage: "Needed!",
            typeMessage: "Wrong!",
            values: ["A"],
            checks: [{ kind: "minLength", value: 1, message: first.rule.requiredMessage }, { kind: "maxLength", value: 9, message: "Nine at most" }, { kind: "digits", precision: 5, scale: 2, message: "Digits" }],
          },
        },
        ...rest,
      ],
    };
    expect(trip(odd)).toEqual(withoutIds(odd));
  });

  it("validates as before: the users/posts email field rejects not-an-email with its label's message", () => {
    const spec = trip(analyze(usersPosts()).forms.find((f) => f.typeName === "User")!);
    const result = runtimeObject(spec.fields.map((f) => f.rule)).safeParse({ email: "not-an-email", name: "A" });
    expect(result.success).toBe(false);
    const label = spec.fields.find((f) => f.name === "email")!.label;
    expect(result.error!.issues.find((i) => i.path[0] === "email")!.message).toContain(label);
  });
});
