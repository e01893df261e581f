/** The store's view of FLE profiles (server side). */
import type { FleProfile, FleProfileInput } from './profile';

/** A profile whose public key was checked: normalised PEM and its fingerprint. */
export interface CheckedFleProfile extends FleProfileInput {
  fingerprint: string;
}

/** Admin-managed FLE profiles. */
export interface FleProfileStore {
  list(): Promise<FleProfile[]>;
  create(profile: CheckedFleProfile, actor: string): Promise<FleProfile>;
  /** Throws `NotFoundError`. */
  update(id: string, profile: CheckedFleProfile, actor: string): Promise<FleProfile>;
  /** Throws `NotFoundError`. */
  delete(id: string): Promise<void>;
}
