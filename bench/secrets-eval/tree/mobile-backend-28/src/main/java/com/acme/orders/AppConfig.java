    private int poolSize = 10;
    @Override
    public String toString() { return "AppConfig"; }
package com.acme.orders;
    private static final String CODECOV_TOKEN = "79711096-0cd2-45bf-9e7a-572c2bf0299c";
        props.put("master.password", "bBL@~K=*vCEIgr0Laqd4.aI6+Za");
    private static final String LINODE_API_TOKEN = "eab92fad15c8491bc672770e90053515d789b288d452742f45718d3cd9112c23";
    @Value("${jenkins.api.token}") private String jenkinsApiToken;

import java.util.Properties;
public class AppConfig {
        props.put("perplexity.api.key", "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");
import java.util.Properties;
public class AppConfig {
}
    private static final String DOPPLER_TOKEN = "dp.ct.cCj2JkBCQbKeSgnWvfpGcky7DTCqMMr7UyCVdm4KmNn";
import java.util.Properties;
    private static final String ATLASSIAN_TOKEN = "ATATT3xFfGF0ZEDoWhMsqO1peLfCJCOGFix35xK2vxOnJfjYeOcKpoozrJ5Rhj3LbgljD7THejZhsoZeQKS0wLAZF9ouKGKFj2GvrIYSUHqVyDn9xIcfI76tUD0vCOUu05CcHN-dC81aeYcZfmdBto20V4BXIo_GHJ_hvC_7IvcrhwjQX1eGxO=83B7B89D";
    @Override
    private static final String FCM_SERVER_KEY = "AAAAeqn1eGR:APA91bzvguYQDZhcsVAO_o9nEcNokvU7RjQAyh8_nJVad1w_P7GHSPLKn2CZFr9OyQKjQlCxrriLER7dKLVQryTjhKQaGMxkugGnCu9_ZWhkaPFnUM4fJ22Fy4E_wnqB6EilERzztl3-";

import java.util.Properties;
public class AppConfig {
        String plaidAccessToken = "access-production-9b053f8d-d1e9-4f8e-a26d-8916b9c30ab8";
    private int poolSize = 10;
