import { useCallback, useEffect, useState } from "react";
import type { User } from "../../../shared/schemas/user";
import { currentAccount } from "../../api/auth";
import { ApiRequestError } from "../../api/errors";
import { getDb } from "../../db";
import { ensureSyncStarted, resetSyncIdentity } from "../../sync";

export type AccountState =
  | { status: "loading" }
  | { status: "signed-out" }
  | { status: "signed-in"; user: User; deviceId: string }
  | { status: "unreachable"; message: string };

/** Who is signed in, re-read on demand (after sign-in, sign-out or a revoke). */
export function useAccount(): { account: AccountState; refresh: () => Promise<void> } {
  const [account, setAccount] = useState<AccountState>({ status: "loading" });
  const refresh = useCallback(async () => {
    try {
      const me = await currentAccount();
      setAccount(me ? { status: "signed-in", ...me } : { status: "signed-out" });
    } catch (err) {
      const message = err instanceof ApiRequestError ? err.message : String(err);
      setAccount({ status: "unreachable", message });
    }
  }, []);
  useEffect(() => {
    // Reading the session once on mount is the point of this effect.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void refresh();
  }, [refresh]);
  return { account, refresh };
}

/**
 * After signing in or out: a fresh sync identity (new client id, pull from the start), then a sync,
 * which uploads whatever this device logged before and brings down the account's log.
 */
export async function afterAccountChange(): Promise<void> {
  await resetSyncIdentity(getDb());
  await ensureSyncStarted().syncNow();
}
