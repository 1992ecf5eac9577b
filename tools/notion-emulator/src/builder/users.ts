import type { UserObjectResponse } from '@notionhq/client';

/** A person user, as `GET /v1/users/{id}` returns one. */
export function person(id: string, name: string, email: string, avatarUrl: string | null = null): UserObjectResponse {
  return { object: 'user', id, name, avatar_url: avatarUrl, type: 'person', person: { email } };
}

/** A bot user owned by the workspace (the integration, what `GET /v1/users/me` returns). */
export function bot(id: string, name: string, workspaceName: string, workspaceId: string): UserObjectResponse {
  return {
    object: 'user',
    id,
    name,
    avatar_url: null,
    type: 'bot',
    bot: {
      owner: { type: 'workspace', workspace: true },
      workspace_id: workspaceId,
      workspace_limits: { max_file_upload_size_in_bytes: 5_368_709_120 },
      workspace_name: workspaceName,
    },
  };
}
