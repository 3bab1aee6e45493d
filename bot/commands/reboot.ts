import { definePowerCommand } from "../interactions/power-command";

export default definePowerCommand("reboot", "Admins: reboot a game's container and wait until the game answers again");
