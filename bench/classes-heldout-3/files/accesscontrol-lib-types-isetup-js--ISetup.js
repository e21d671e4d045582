export {};
//# sourceMappingURL=ISetup.js.map