import type { ArcadeClaims } from "./session-claims";

declare module "next-auth" {
  interface User {
    claims?: ArcadeClaims | null;
    denial?: "not-member" | "discord-unavailable";
  }
  interface Session {
    user: {
      id: string;
      discordId: string;
      name: string;
      image: string | null;
      roles: string[];
      isGuildOwner: boolean;
      isAdmin: boolean;
      email?: string | null;
    };
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    arcade?: ArcadeClaims;
  }
}
