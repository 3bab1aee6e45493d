import { definePowerCommand } from "../interactions/power-command";

export default definePowerCommand("start", "Admins: start a game's container and wait until the game answers");
