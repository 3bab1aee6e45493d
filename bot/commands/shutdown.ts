import { definePowerCommand } from "../interactions/power-command";

export default definePowerCommand("shutdown", "Admins: shut a game's container down cleanly (forced after its timeout)");
