import { Forbidden } from "@/components/admin/forbidden";

/** Rendered with status 403 wherever a page calls forbidden(): today, a member opening the admin page. */
export default function ForbiddenPage() {
  return <Forbidden />;
}
