import { useCallback, useEffect, useState } from "react";
import type { User } from "../../../shared/schemas/user";
import { currentAccount } from "../../api/auth";
import { errorMessage } from "../../i18n/errors";
import { getDb } from "../../db";
import { ensureSyncStarted, readSignedInAccount, setSignedInAccount } from "../../sync";

export type AccountState =
  | { status: "loading" }
  | { status: "signed-out" }
  | { status: "signed-in"; user: User; deviceId: string }
  | { status: "unreachable"; message: string };

/**
 * Keeps this device's idea of who is signed in in step with the server. On a change of account:
 * a fresh sync identity (new client id, pull from the start), then a sync, which uploads whatever
 * this device logged before and brings down the account's log.
 */
async function followAccount(user: User | null): Promise<void> {
  const db = getDb();
  const known = await readSignedInAccount(db);
  if ((known?.username ?? null) === (user?.username ?? null)) return;
  await setSignedInAccount(db, user ? { username: user.username } : null);
  await ensureSyncStarted().syncNow();
}

/** Who is signed in, re-read on demand (after sign-in, sign-out or a revoke). */
export function useAccount(): { account: AccountState; refresh: () => Promise<void> } {
  const [account, setAccount] = useState<AccountState>({ status: "loading" });
  const refresh = useCallback(async () => {
    let me: Awaited<ReturnType<typeof currentAccount>>;
    try {
      me = await currentAccount();
    } catch (err) {
      setAccount({ status: "unreachable", message: errorMessage(err) });
      return;
    }
    setAccount(me ? { status: "signed-in", ...me } : { status: "signed-out" });
    await followAccount(me?.user ?? null);
  }, []);
  useEffect(() => {
    // Reading the session once on mount is the point of this effect.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void refresh();
  }, [refresh]);
  return { account, refresh };
}
