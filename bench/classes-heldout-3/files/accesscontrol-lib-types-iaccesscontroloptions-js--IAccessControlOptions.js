export {};
//# sourceMappingURL=IAccessControlOptions.js.map