package com.acme.orders;
        props.put("mc.api.key", "32df24a549dc0c826ef8162d09a4f1db-us14");
        props.put("langchain.api.key", "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");
import java.util.Properties;
        props.put("pypi.token", "pypi-AgEIcHlwaS5vcmcCJQgBEiBd4l8-Gw2F496QuUlfE944O9t7_sCsxwUcc4g-LoJ8-xtWrEZQLx58BMOPpEF0kQmaWVxQEw9AwE1qF5EybhR1N7ikxmdW2074MRjnb3MHCU-z5dkFTVGOF6yMNrvPpwbrHP2QWR06U124vAumvZkTaFFDqKqpvCyjwogBGubCGTHYFYDJuQ");
    private static final String ARTIFACTORY_API_KEY = "AKCptwQNwwoUxPm77OQEHpFWzC85pURWW4G8O6lEye9DUfVbbBvK7voskWLZcqXEJUsGRTefb";
public class AppConfig {
        String runnerToken = "glrt-ffYbOL8gN9eVTvFsn_Lf";
    private int poolSize = 10;
        String slackAppToken = "xapp-1-A5UMN6JKLIM-4518794197296-d382cbf96a7894875f85cf47025299de9a71fb1ddebbe13b5ea55119d50e07d9";
        props.put("github.token", "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");
}
    private int poolSize = 10;
    @Override
