import type { CommandLogDto } from './dto/command-log.dto';

/** Published once per interaction when its final outcome is stored. */
export type CommandLoggedEvent = CommandLogDto;

declare module '@botdeck/core' {
  interface BotdeckEvents {
    'command.logged': CommandLoggedEvent;
  }
}
