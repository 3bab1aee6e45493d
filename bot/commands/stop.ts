import { definePowerCommand } from "../interactions/power-command";

export default definePowerCommand("stop", "Admins: force-stop a game's container at once");
