import { redirect } from "next/navigation";

export default function DatabasePage() {
  redirect("/database/drift");
}
