import { NextRequest } from "next/server";
import { errorResponse } from "../api/http";
import { assertBodyWithinLimit, readBodyWithinLimit } from "../api/request-body";
import { getControlPlane } from "../control-plane";

/**
 * Auth.js reads whole bodies. This refuses one announced larger than ARCADE_BODY_LIMIT_KB with 413 before it is
 * read, and reads a body without a length (chunked) only up to the limit before handing it on.
 */
export function withBodyLimit(handler: (request: NextRequest) => Promise<Response>) {
  return async (request: NextRequest): Promise<Response> => {
    const limit = getControlPlane().env.bodyLimitBytes;
    let checked: NextRequest;
    try {
      assertBodyWithinLimit(request, limit);
      const announced = request.headers.has("content-length") || !request.body;
      checked = announced ? request : new NextRequest(request.url, { method: request.method, headers: request.headers, body: await readBodyWithinLimit(request, limit) });
    } catch (error) {
      return errorResponse(error);
    }
    return handler(checked);
  };
}
