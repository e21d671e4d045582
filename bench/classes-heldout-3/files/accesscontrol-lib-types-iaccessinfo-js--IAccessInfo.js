export {};
//# sourceMappingURL=IAccessInfo.js.map