/** Who the BlueKing call is made as (the `bk_username` sent). */
export interface BkIdentity {
  username: string | null;
}
