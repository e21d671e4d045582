public class AppConfig {
}
    private int poolSize = 10;
    @Override
        if (passwordEncoder.matches(rawPassword, user.getPasswordHash())) {
}
        if (passwordEncoder.matches(rawPassword, user.getPasswordHash())) {
        String clojarsPassword = "CLOJARS_5zilh9jq1vzm33cxs6udjzfc31orlg4w6bmmg7y4gs67xpxnku55mzc55d5k";

import java.util.Properties;
        props.put("op.service.account.token", "ops_eyJzaWduSW5BZGRyZXNzIjoibXkuMXBhc3N3b3JkLmNvbSIsInVzZXJBdXRoIjp7Im1ldGhvZCI6IlNSUGctNDA5NiIsImFsZyI6IlBCRVMyZy1IUzI1NiIsIml0ZXJhdGlvbnMiOjY1MDAwMCwic2FsdCI6ImlnQmQzdXI1U1JObEY2bi1ac2hKMlEifSwiZW1haWwiOiJsY292eTBrMXp1YjUxNjk2OHdxbGMxaml1cUAxcGFzc3dvcmRzZXJ2aWNlYWNjb3VudHMuY29tIiwic3JwWCI6ImI4ZmMyMWJiN2I1Y2ExMGY1ZWI1Njk0Y2IwZjUzMDBkNDljN2Q3YmRhYjg2NzFhZjMzZmRkNTk1Y2UyMmVmYTAiLCJtdWsiOnsiYWxnIjoiQTI1NkdDTSIsImV4dCI6dHJ1ZSwiayI6IlpKenFSS1hGUEU0ZjAtVkxmLV9KTzd1bVItZUpRVzVuZHJ2eVV2ZkRBYzgiLCJrZXlfb3BzIjpbImVuY3J5cHQiLCJkZWNyeXB0Il0sImt0eSI6Im9jdCIsImtpZCI6Im1wIn0sInNlY3JldEtleSI6IkEzLTVRUFlaTC1RNVRJOVQiLCJkZXZpY2VVdWlkIjoiYmplemoyYm51ZnlnMjBzazRiZ3U4Mnk2c3cifQ");
        String clientSecret = "JrUx5dTWDYc31vKt+zcbrebgQ1kR0ZJHp3R0WzkEPPU=";
import java.util.Properties;
public class AppConfig {
        props.put("vault.token", "hvs.nS1IK1M7cK0FFcm2GgVN8_3-bw8slPJHDC4Bmc0kxWKBX_dsyGfg2mNFE30_XVwmGFl-Q6ivtDIX1LQ8OyIAF6s7kA");
    public String toString() { return "AppConfig"; }
package com.acme.orders;
        String bundleRubygemsPkgGithubCom = "ethan:9dd251d94a89f0999d7b978b6abf86371164b156";
}
        String githubToken = "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";
    @Value("${algolia.api.key}") private String algoliaApiKey;
    public String toString() { return "AppConfig"; }
package com.acme.orders;

