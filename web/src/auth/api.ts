import {
  type ChangePasswordRequest,
  type LoginRequest,
  type SessionInfo,
  sessionInfoSchema,
} from "@ichimado/core/auth/schemas";
import { z } from "zod";
import { ApiError, apiRequest } from "../app/api.ts";

/** The current session, or null when there is none (not logged in, expired). */
export async function fetchSession(): Promise<SessionInfo | null> {
  try {
    return await apiRequest("GET", "/auth/session", sessionInfoSchema);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const login = (body: LoginRequest) => apiRequest("POST", "/auth/login", sessionInfoSchema, body);

export const chooseCounter = (counterId: string) =>
  apiRequest("POST", "/auth/counter", sessionInfoSchema, { counterId });

export const changePassword = (body: ChangePasswordRequest) =>
  apiRequest("POST", "/auth/password", sessionInfoSchema, body);

export const logout = () => apiRequest("POST", "/auth/logout", z.null());
