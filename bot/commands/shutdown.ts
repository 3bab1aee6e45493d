import { definePowerCommand } from "../interactions/power-command";

export default definePowerCommand("shutdown", "Admins: shut a game's container down; anyone playing gets a 60 s countdown first");
