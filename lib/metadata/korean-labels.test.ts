import { describe, expect, it } from "vitest";
import { inLocale } from "../i18n/messages";
import { deriveColumnDefaults, labelFor } from "./derive";
import { koreanLabelFor } from "./korean-labels";

describe("Korean label suggestions", () => {
  it.each([
    ["email", "이메일"],
    ["created_at", "생성일시"],
    ["updated_at", "수정일시"],
    ["name", "이름"],
    ["title", "제목"],
    ["user_id", "사용자 ID"],
    ["phone", "전화번호"],
    ["id", "ID"],
    ["Email", "이메일"],
    ["order_id", "주문 ID"],
    ["deleted_at", "삭제일시"],
    ["shipped_at", "배송일시"],
    ["comment_count", "댓글 수"],
    ["birth_date", "생년월일"],
  ])("%s → %s", (name, label) => {
    expect(koreanLabelFor(name)).toBe(label);
  });

  it("has none for names it does not know, or whose stem it does not know", () => {
    for (const name of ["zork", "foo_id", "frobbed_at", "x_count", "", "_id"]) expect(koreanLabelFor(name), name).toBeNull();
  });

  it("labelFor suggests it only in Korean, and falls back to the English derivation", () => {
    expect(labelFor("user_id", "ko")).toBe("사용자 ID");
    expect(labelFor("user_id", "en")).toBe("User id");
    expect(labelFor("shipping_zone", "ko")).toBe("Shipping zone");
  });

  it("the page's language is the default: the Add-column form, Paste rows and the diagram derive through it", () => {
    expect(deriveColumnDefaults("email", "TEXT").label).toBe("Email");
    expect(inLocale("ko", () => deriveColumnDefaults("email", "TEXT").label)).toBe("이메일");
    expect(inLocale("ko", () => deriveColumnDefaults("created_at", "TIMESTAMPTZ", "Created").label)).toBe("Created");
    expect(deriveColumnDefaults("created_at", "TIMESTAMPTZ", undefined, "ko").label).toBe("생성일시");
  });
});
