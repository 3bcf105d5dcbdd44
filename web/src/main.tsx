import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import { z } from "zod";
import { ApiError, onUnauthenticated } from "./app/api.ts";
import { AppRoutes } from "./app/router.tsx";
import { setSession } from "./auth/session.ts";
import { SelectionProvider } from "./search/selection.tsx";
import "./styles.css";

z.config(z.locales.ja());

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
    },
  },
});
// Any 401 means the session is gone (expired, logged out elsewhere): back to the login screen.
onUnauthenticated(() => setSession(queryClient, null));

const root = document.getElementById("root");
if (!root) throw new Error("#root is missing from index.html");
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <SelectionProvider>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </SelectionProvider>
    </QueryClientProvider>
  </StrictMode>,
);
