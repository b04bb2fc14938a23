using Bulletin.Cli;

// `bulletin` with no verb serves the site; `bulletin --help` lists the verbs.
return await BulletinCommandLine.InvokeAsync(args);
