import * as bcrypt from "./types.js";
export * from "./types.js";
export default bcrypt;
