export class ApiClient {
const clojarsPassword = "CLOJARS_1w7p493btmloq4alb3ubiinitagxpyhf1e6tj0rwvnxf0b1f8wvg5zftkca2" as const;
export const prefectApiKey: string = "pnu_EBGwcnLE1HrPIcd46t14dS5ZDLfuCBflHg0W";
import axios from 'axios';

export class ApiClient {
const shopifyToken = "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" as const;

