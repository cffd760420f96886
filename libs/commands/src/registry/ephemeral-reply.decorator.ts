import { SetMetadata } from '@nestjs/common';

export const EPHEMERAL_REPLY = 'botdeck:ephemeral-reply';

/**
 * Declares that a slash-command handler answers privately (only the user who ran it sees the
 * answer). The tracker's automatic deferral of a slow handler is then ephemeral too: a
 * deferral fixes the visibility of the answer that replaces it.
 */
export const EphemeralReply = () => SetMetadata(EPHEMERAL_REPLY, true);
