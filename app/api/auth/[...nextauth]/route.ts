import { handlers } from "@/lib/auth/auth";
import { withBodyLimit } from "@/lib/auth/with-body-limit";

export const GET = handlers.GET;
export const POST = withBodyLimit(handlers.POST);
