<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
    <context>
        <name>AccountDialog</name>
        <message>
            <source>添加账号</source>
            <translation>Add account</translation>
        </message>
        <message>
            <source>修改账号</source>
            <translation>Change account</translation>
        </message>
        <message>
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>用户名</source>
            <translation>Username</translation>
        </message>
        <message>
            <source>角色</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>负责社区</source>
            <translation>Communities</translation>
        </message>
        <message>
            <source>初始密码</source>
            <translation>First password</translation>
        </message>
        <message>
            <source>请把初始密码当面告诉本人；本人第一次登录后可以在“设置”里修改。</source>
            <translation>Tell the person the first password face to face; after signing in they can change it under Settings.</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>社区工作者只能看到和修改所选社区的老人、探访和志愿者。</source>
            <translation>A community worker sees and changes only the people, visits and volunteers of the communities ticked here.</translation>
        </message>
        <message>
            <source>督导可以查看和修改所有社区，可以修改分级规则和探访频次。</source>
            <translation>A supervisor sees and changes every community, the care-level rules and the visit policy.</translation>
        </message>
        <message>
            <source>管理员管理账号、地点和设置，也可以做督导能做的一切。</source>
            <translation>An administrator manages accounts, places and settings, and can do everything a supervisor can.</translation>
        </message>
        <message>
            <source>只读账号只能查看总览和隐藏了号码的名单。</source>
            <translation>A read-only account sees the dashboard and lists with masked numbers only.</translation>
        </message>
        <message>
            <source>请填写用户名</source>
            <translation>Enter a username</translation>
        </message>
    </context>
    <context>
        <name>AdminPage</name>
        <message>
            <source>第一个管理员</source>
            <translation>The first administrator</translation>
        </message>
        <message>
            <source>管理员负责账号、地点和设置，以后可以在“设置 → 账号”里为每位社区工作者建立账号。</source>
            <translation>The administrator looks after accounts, places and settings, and can give every community worker an account later under Settings → Accounts.</translation>
        </message>
        <message>
            <source>例如：张主任</source>
            <translation>The administrator's name</translation>
        </message>
        <message>
            <source>登录用的名字，例如 zhang</source>
            <translation>The name to sign in with, e.g. zhang</translation>
        </message>
        <message>
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>用户名</source>
            <translation>Username</translation>
        </message>
        <message>
            <source>备份密码：备份文件用它加密，恢复时需要它。可以留空，以后在“设置 → 备份与恢复”中设置。</source>
            <translation>Backup password: backups are encrypted with it and restoring needs it. You may leave it empty and set it later in Settings → Backup and restore.</translation>
        </message>
        <message>
            <source>备份密码</source>
            <translation>Backup password</translation>
        </message>
    </context>
    <context>
        <name>AlertDialog</name>
        <message>
            <source>处理提醒</source>
            <translation>Resolve alert</translation>
        </message>
        <message>
            <source>%1（编号 %2）</source>
            <translation>%1 (no. %2)</translation>
        </message>
        <message>
            <source>老人</source>
            <translation>Person</translation>
        </message>
        <message>
            <source>提醒</source>
            <translation>Alerts</translation>
        </message>
        <message>
            <source>到期</source>
            <translation>Due</translation>
        </message>
        <message>
            <source>例如：已电话联系女儿，老人在女儿家小住，下周回家</source>
            <translation>e.g. Phoned the daughter: she is staying with her daughter and comes home next week</translation>
        </message>
        <message>
            <source>处理情况</source>
            <translation>What was done</translation>
        </message>
        <message>
            <source>处理</source>
            <translation>Resolve</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>Application</name>
        <message>
            <source>银龄</source>
            <translation>Silverage</translation>
        </message>
    </context>
    <context>
        <name>AuditPage</name>
        <message>
            <source>正在校验审计记录…</source>
            <translation>Verifying the audit trail…</translation>
        </message>
        <message>
            <source>老人姓名或身份证号</source>
            <translation>Person's name or ID number</translation>
        </message>
        <message>
            <source>用户</source>
            <translation>User</translation>
        </message>
        <message>
            <source>操作</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>从</source>
            <translation>From</translation>
        </message>
        <message>
            <source>到</source>
            <translation>to</translation>
        </message>
        <message>
            <source>查询</source>
            <translation>Search</translation>
        </message>
        <message>
            <source>时间</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>老人</source>
            <translation>Person</translation>
        </message>
        <message>
            <source>表</source>
            <translation>Table</translation>
        </message>
        <message>
            <source>记录</source>
            <translation>Record</translation>
        </message>
        <message>
            <source>字段</source>
            <translation>Field</translation>
        </message>
        <message>
            <source>原值</source>
            <translation>Old value</translation>
        </message>
        <message>
            <source>新值</source>
            <translation>New value</translation>
        </message>
        <message>
            <source>加载更多</source>
            <translation>Load more</translation>
        </message>
        <message>
            <source>导出…</source>
            <translation>Export…</translation>
        </message>
        <message>
            <source>身份证号和电话部分隐藏；导出的表格同样隐藏。审计记录只增不改，任何改动都会被校验发现。</source>
            <translation>ID numbers and phones are partly hidden, in the export too. The audit trail is only ever added to; any change to it is caught by the check.</translation>
        </message>
        <message>
            <source>全部用户</source>
            <translation>All users</translation>
        </message>
        <message>
            <source>全部操作</source>
            <translation>All actions</translation>
        </message>
        <message>
            <source>系统</source>
            <translation>System</translation>
        </message>
        <message>
            <source>账号%1</source>
            <translation>account %1</translation>
        </message>
        <message>
            <source>新增</source>
            <translation>Added</translation>
        </message>
        <message>
            <source>修改</source>
            <translation>Changed</translation>
        </message>
        <message>
            <source>删除</source>
            <translation>Deleted</translation>
        </message>
        <message>
            <source>归档</source>
            <translation>Archive</translation>
        </message>
        <message>
            <source>恢复</source>
            <translation>Restore</translation>
        </message>
        <message>
            <source>更正</source>
            <translation>Corrected</translation>
        </message>
        <message>
            <source>人工调整等级</source>
            <translation>Override level</translation>
        </message>
        <message>
            <source>评估</source>
            <translation>Assessment</translation>
        </message>
        <message>
            <source>导入</source>
            <translation>Import</translation>
        </message>
        <message>
            <source>导出</source>
            <translation>Export</translation>
        </message>
        <message>
            <source>打印</source>
            <translation>Print</translation>
        </message>
        <message>
            <source>处理提醒</source>
            <translation>Resolve alert</translation>
        </message>
        <message>
            <source>登录</source>
            <translation>Sign in</translation>
        </message>
        <message>
            <source>登录失败</source>
            <translation>Sign-in failed</translation>
        </message>
        <message>
            <source>账号锁定</source>
            <translation>Account locked</translation>
        </message>
        <message>
            <source>修改密码</source>
            <translation>Password changed</translation>
        </message>
        <message>
            <source>重设密码</source>
            <translation>Password reset</translation>
        </message>
        <message>
            <source>设置备份密码</source>
            <translation>Set the backup password</translation>
        </message>
        <message>
            <source>备份</source>
            <translation>Backup</translation>
        </message>
        <message>
            <source>启用账号</source>
            <translation>Enable account</translation>
        </message>
        <message>
            <source>停用账号</source>
            <translation>Disable account</translation>
        </message>
        <message>
            <source>建立数据库</source>
            <translation>Database created</translation>
        </message>
        <message>
            <source>紧急联系人</source>
            <translation>Emergency contacts</translation>
        </message>
        <message>
            <source>探访</source>
            <translation>Visits</translation>
        </message>
        <message>
            <source>探访计划</source>
            <translation>Visit plan</translation>
        </message>
        <message>
            <source>提醒</source>
            <translation>Alerts</translation>
        </message>
        <message>
            <source>志愿者</source>
            <translation>Volunteer</translation>
        </message>
        <message>
            <source>账号</source>
            <translation>Accounts</translation>
        </message>
        <message>
            <source>设置</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>社区</source>
            <translation>Community</translation>
        </message>
        <message>
            <source>网格</source>
            <translation>Grid</translation>
        </message>
        <message>
            <source>微网格</source>
            <translation>Micro-grid</translation>
        </message>
        <message>
            <source>是</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>否</source>
            <translation>No</translation>
        </message>
        <message>
            <source>读取审计记录</source>
            <translation>Reading the audit trail</translation>
        </message>
        <message>
            <source>已显示最新的 %1 条，还有更早的记录</source>
            <translation>Showing the newest %1 rows; there are older ones</translation>
        </message>
        <message>
            <source>共 %1 条</source>
            <translation>%1 rows</translation>
        </message>
        <message>
            <source>说明：%1</source>
            <translation>Note: %1</translation>
        </message>
        <message>
            <source>校验审计记录</source>
            <translation>Verifying the audit trail</translation>
        </message>
        <message>
            <source>审计记录校验未通过：%1。请把此情况报告给管理员。</source>
            <translation>The audit trail failed its check: %1. Please report this to the administrator.</translation>
        </message>
        <message>
            <source>导出审计记录</source>
            <translation>Export the audit trail</translation>
        </message>
        <message>
            <source>Excel 工作簿 (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <source>已导出 %1 条到 %2（号码已隐藏）</source>
            <translation>Exported %1 rows to %2 (numbers hidden)</translation>
        </message>
        <message>
            <source>正在导出审计记录</source>
            <translation>Exporting the audit trail</translation>
        </message>
    </context>
    <context>
        <name>AvailabilityGrid</name>
        <message>
            <source>周一</source>
            <translation>Mon</translation>
        </message>
        <message>
            <source>周二</source>
            <translation>Tue</translation>
        </message>
        <message>
            <source>周三</source>
            <translation>Wed</translation>
        </message>
        <message>
            <source>周四</source>
            <translation>Thu</translation>
        </message>
        <message>
            <source>周五</source>
            <translation>Fri</translation>
        </message>
        <message>
            <source>周六</source>
            <translation>Sat</translation>
        </message>
        <message>
            <source>周日</source>
            <translation>Sun</translation>
        </message>
        <message>
            <source>上午</source>
            <translation>Morning</translation>
        </message>
        <message>
            <source>下午</source>
            <translation>Afternoon</translation>
        </message>
    </context>
    <context>
        <name>BackupPage</name>
        <message>
            <source>备份文件夹：</source>
            <translation>Backup folder:</translation>
        </message>
        <message>
            <source>选择文件夹…</source>
            <translation>Choose folder…</translation>
        </message>
        <message>
            <source>备份时间</source>
            <translation>Made at</translation>
        </message>
        <message>
            <source>类型</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>大小</source>
            <translation>Size</translation>
        </message>
        <message>
            <source>文件</source>
            <translation>File</translation>
        </message>
        <message>
            <source>立即备份</source>
            <translation>Back up now</translation>
        </message>
        <message>
            <source>恢复所选备份…</source>
            <translation>Restore the selected backup…</translation>
        </message>
        <message>
            <source>修改备份密码…</source>
            <translation>Change the backup password…</translation>
        </message>
        <message>
            <source>关闭银龄时、以及开着时每天自动备份一次，按7个每日、4个每周、12个每月保留。备份已加密，没有备份密码谁也打不开（U盘丢了也不会泄露）。</source>
            <translation>A backup is made when silverage closes and once a day while it is open; 7 daily, 4 weekly and 12 monthly backups are kept. Backups are encrypted: nobody opens one without the backup password (a lost USB stick reveals nothing).</translation>
        </message>
        <message>
            <source>只有管理员可以设置备份文件夹、修改备份密码和恢复备份</source>
            <translation>Only an administrator may choose the backup folder, change the backup password and restore a backup</translation>
        </message>
        <message>
            <source>最近一次备份：%1</source>
            <translation>Last backup: %1</translation>
        </message>
        <message>
            <source>还没有备份</source>
            <translation>No backup yet</translation>
        </message>
        <message>
            <source>正在备份</source>
            <translation>Backing up</translation>
        </message>
        <message>
            <source>选择备份文件夹</source>
            <translation>Choose the backup folder</translation>
        </message>
        <message>
            <source>正在恢复</source>
            <translation>Restoring</translation>
        </message>
        <message>
            <source>正在检查备份</source>
            <translation>Checking the backup</translation>
        </message>
        <message>
            <source>恢复备份</source>
            <translation>Restore a backup</translation>
        </message>
        <message>
            <source>备份密码：</source>
            <translation>Backup password:</translation>
        </message>
        <message>
            <source>备份时间：%1
街道：%2
老人：%3人（在册%4人）
志愿者：%5人
探访记录：%6条</source>
            <translation>Made at: %1
Subdistrict: %2
Elders: %3 (%4 on the roster)
Volunteers: %5
Visit records: %6</translation>
        </message>
        <message>
            <source>这是旧版本的数据，恢复后会自动升级。</source>
            <translation>This is data of an older version; it is upgraded when restored.</translation>
        </message>
        <message>
            <source>用这个备份替换现在的数据库吗？现在的数据库文件会改名保留。</source>
            <translation>Replace the current database with this backup? The current database file is kept under a new name.</translation>
        </message>
        <message>
            <source>已恢复。请重新启动银龄，以打开恢复的数据。银龄现在关闭。</source>
            <translation>Restored. Start silverage again to open the restored data; silverage closes now.</translation>
        </message>
    </context>
    <context>
        <name>BackupPasswordDialog</name>
        <message>
            <source>设置备份密码</source>
            <translation>Set the backup password</translation>
        </message>
        <message>
            <source>以后的备份用新密码打开；之前做的备份仍要用当时的密码打开。请把密码记在安全的地方。</source>
            <translation>Backups from now on open with the new password; earlier backups still open with the password of their time. Keep the password somewhere safe.</translation>
        </message>
        <message>
            <source>新的备份密码</source>
            <translation>New backup password</translation>
        </message>
    </context>
    <context>
        <name>BackupWatch</name>
        <message>
            <source>自动备份</source>
            <translation>Automatic backup</translation>
        </message>
    </context>
    <context>
        <name>CampaignTab</name>
        <message>
            <source>名称，如：台风“梅花”关怀</source>
            <translation>Name, e.g. Typhoon Muifa care round</translation>
        </message>
        <message>
            <source>台风</source>
            <translation>Typhoon</translation>
        </message>
        <message>
            <source>高温</source>
            <translation>Heat wave</translation>
        </message>
        <message>
            <source>寒潮</source>
            <translation>Cold snap</translation>
        </message>
        <message>
            <source>春节</source>
            <translation>Spring Festival</translation>
        </message>
        <message>
            <source>重阳节</source>
            <translation>Double Ninth Festival</translation>
        </message>
        <message>
            <source>其他</source>
            <translation>Other</translation>
        </message>
        <message>
            <source> 个工作日内</source>
            <translation> working days</translation>
        </message>
        <message>
            <source>建立专项行动</source>
            <translation>Create campaign</translation>
        </message>
        <message>
            <source>名称</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>开始</source>
            <translation>Start</translation>
        </message>
        <message>
            <source>天数</source>
            <translation>Days</translation>
        </message>
        <message>
            <source>等级</source>
            <translation>Level</translation>
        </message>
        <message>
            <source>已联系/总数</source>
            <translation>Contacted/total</translation>
        </message>
        <message>
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>编号</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>电话</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>紧急联系人</source>
            <comment>call list column</comment>
            <translation>Contact</translation>
        </message>
        <message>
            <source>、</source>
            <translation>, </translation>
        </message>
        <message>
            <source>联系人电话</source>
            <translation>Contact's phone</translation>
        </message>
        <message>
            <source>结果</source>
            <translation>Outcome</translation>
        </message>
        <message>
            <source>已建立专项行动，电话名单见下表</source>
            <translation>Campaign created; the call list is below</translation>
        </message>
    </context>
    <context>
        <name>ChangePasswordDialog</name>
        <message>
            <source>设置新密码</source>
            <translation>Set a new password</translation>
        </message>
        <message>
            <source>%1：管理员为您设置了临时密码，请现在换成只有您知道的新密码。</source>
            <translation>%1: an administrator gave you a temporary password. Choose a new one that only you know.</translation>
        </message>
        <message>
            <source>%1：请先输入原密码，再输入两次新密码。</source>
            <translation>%1: enter your current password, then the new one twice.</translation>
        </message>
        <message>
            <source>原密码</source>
            <translation>Current password</translation>
        </message>
        <message>
            <source>新密码</source>
            <translation>New password</translation>
        </message>
        <message>
            <source>保存新密码</source>
            <translation>Save the new password</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>ContactsEditor</name>
        <message>
            <source>添加联系人</source>
            <translation>Add contact</translation>
        </message>
        <message>
            <source>删除所选联系人</source>
            <translation>Remove selected contact</translation>
        </message>
    </context>
    <context>
        <name>CoverageTab</name>
        <message>
            <source>按社区</source>
            <translation>By community</translation>
        </message>
        <message>
            <source>按网格</source>
            <translation>By grid</translation>
        </message>
        <message>
            <source>按等级</source>
            <translation>By level</translation>
        </message>
        <message>
            <source>按志愿者</source>
            <translation>By volunteer</translation>
        </message>
        <message>
            <source>月份</source>
            <translation>Month</translation>
        </message>
        <message>
            <source>分组</source>
            <translation>Group</translation>
        </message>
        <message>
            <source>应探访</source>
            <translation>Required</translation>
        </message>
        <message>
            <source>已探访</source>
            <translation>Contacted</translation>
        </message>
        <message>
            <source>探访率（目标100%）</source>
            <translation>Visit rate (target 100%)</translation>
        </message>
    </context>
    <context>
        <name>DashboardPage</name>
        <message>
            <source>各等级人数</source>
            <translation>People per level</translation>
        </message>
        <message>
            <source>各社区人数</source>
            <translation>People per community</translation>
        </message>
        <message>
            <source>等级</source>
            <translation>Level</translation>
        </message>
        <message>
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>社区</source>
            <translation>Community</translation>
        </message>
        <message>
            <source>逾期未联系（红色优先）</source>
            <translation>Overdue (red first)</translation>
        </message>
        <message>
            <source>正在计算总览…</source>
            <translation>Working out the overview…</translation>
        </message>
        <message>
            <source>应复评日期</source>
            <translation>Reassessment due</translation>
        </message>
        <message>
            <source>需要复评</source>
            <translation>Reassessments due</translation>
        </message>
        <message>
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>寿辰</source>
            <translation>Birthday</translation>
        </message>
        <message>
            <source>历法</source>
            <translation>Calendar</translation>
        </message>
        <message>
            <source>60天内的整寿（60/70/80/90/100岁，公历或农历）</source>
            <translation>Milestone birthdays in the next 60 days (60/70/80/90/100, Gregorian or lunar)</translation>
        </message>
        <message>
            <source>服务需求（项）</source>
            <translation>Needs</translation>
        </message>
        <message>
            <source>按期已提供</source>
            <translation>Met on time</translation>
        </message>
        <message>
            <source>已安排</source>
            <translation>Planned</translation>
        </message>
        <message>
            <source>本月志愿服务（小时）</source>
            <translation>Volunteer hours this month</translation>
        </message>
        <message>
            <source>精准服务：需求与志愿服务时长</source>
            <translation>Services: needs and volunteer hours</translation>
        </message>
        <message>
            <source>未评估</source>
            <translation>Not assessed</translation>
        </message>
        <message>
            <source>各社区人数（人数最多的 %1 个，其余合并）</source>
            <translation>People per community (the %1 largest; the rest together)</translation>
        </message>
        <message>
            <source>逾期未联系（红色优先）：共 %1 人，这里是最紧急的 %2 人，全部名单在“探访 › 待办”</source>
            <translation>Overdue (red first): %1 in all; the %2 most urgent here, everyone under Visits › Worklists</translation>
        </message>
        <message>
            <source>需要复评：共 %1 人，这里是最紧急的 %2 人</source>
            <translation>Reassessment due: %1 in all; the %2 most urgent here</translation>
        </message>
        <message>
            <source>%1岁</source>
            <translation>%1 years</translation>
        </message>
        <message>
            <source>虚岁%1岁</source>
            <translation>%1 (nominal age)</translation>
        </message>
        <message>
            <source>公历</source>
            <translation>Gregorian</translation>
        </message>
        <message>
            <source>农历%1月%2日</source>
            <translation>Lunar %1/%2</translation>
        </message>
        <message>
            <source>农历</source>
            <translation>Lunar</translation>
        </message>
        <message>
            <source>%1（未登记历法）</source>
            <translation>%1 (calendar not recorded)</translation>
        </message>
        <message>
            <source>其他 %1 个社区</source>
            <translation>%1 other communities</translation>
        </message>
        <message>
            <source>未分配社区</source>
            <translation>No community</translation>
        </message>
        <message>
            <source>在册 %1 人 · 红 %2 · 黄 %3 · 绿 %4 · 逾期未联系 %5 · 需复评 %6 · 近60天整寿 %7</source>
            <translation>%1 on the roster · red %2 · yellow %3 · green %4 · overdue %5 · reassessment due %6 · milestone birthdays %7</translation>
        </message>
        <message>
            <source>总览</source>
            <translation>Dashboard</translation>
        </message>
    </context>
    <context>
        <name>DateBox</name>
        <message>
            <source>可写 2026-12、2026/12 或 202612</source>
            <translation>Type 2026-12, 2026/12 or 202612</translation>
        </message>
        <message>
            <source>可写 2026-12-07、2026/12/7、20261207 或 2026年12月7日</source>
            <translation>Type 2026-12-07, 2026/12/7 or 20261207</translation>
        </message>
        <message>
            <source>从日历中选择</source>
            <translation>Pick from the calendar</translation>
        </message>
        <message>
            <source>%1年%2月只有 %3 天</source>
            <translation>month %2 of %1 has only %3 days</translation>
        </message>
        <message>
            <source>月份应为 1 到 12</source>
            <translation>the month must be 1 to 12</translation>
        </message>
        <message>
            <source>年份应在 %1 到 %2 之间</source>
            <translation>the year must be between %1 and %2</translation>
        </message>
        <message>
            <source>请写成 2026-12、2026/12 或 202612</source>
            <translation>write it as 2026-12, 2026/12 or 202612</translation>
        </message>
        <message>
            <source>请写成 2026-12-07、2026/12/7 或 20261207</source>
            <translation>write it as 2026-12-07, 2026/12/7 or 20261207</translation>
        </message>
        <message>
            <source>“%1”不是有效日期：%2。</source>
            <translation>“%1” is not a valid date: %2.</translation>
        </message>
        <message>
            <source>仍为 %1。</source>
            <translation> Kept %1.</translation>
        </message>
    </context>
    <context>
        <name>ExcelPanel</name>
        <message>
            <source>导入：读取社区现有的Excel花名册（可多个文件、多个工作表），先预览新增、更新和被拒绝的行，确认后一次性导入。
导出：按等级或社区导出花名册、汇总表和逾期名单；身份证号码和电话默认部分隐藏。</source>
            <translation>Import: read the Excel rosters communities already keep (several files and sheets), preview new, updated and rejected rows, then import them in one go.
Export: the roster, a summary and the overdue list by level or community; ID numbers and phones are partly masked by default.</translation>
        </message>
        <message>
            <source>导入Excel花名册…</source>
            <translation>Import Excel roster…</translation>
        </message>
        <message>
            <source>导出Excel花名册…</source>
            <translation>Export Excel roster…</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>导出Excel花名册</source>
            <translation>Export Excel roster</translation>
        </message>
        <message>
            <source>范围：</source>
            <translation>Scope:</translation>
        </message>
        <message numerus="yes">
            <source>所选的 %n 人</source>
            <translation>
                <numerusform>%n selected person</numerusform>
                <numerusform>%n selected people</numerusform>
            </translation>
        </message>
        <message>
            <source>全部等级</source>
            <translation>All levels</translation>
        </message>
        <message>
            <source>全部社区</source>
            <translation>All communities</translation>
        </message>
        <message>
            <source>关爱等级：</source>
            <translation>Care level:</translation>
        </message>
        <message>
            <source>社区：</source>
            <translation>Community:</translation>
        </message>
        <message>
            <source>导出的列：</source>
            <translation>Columns to export:</translation>
        </message>
        <message>
            <source>身份证号码和电话部分隐藏（推荐）</source>
            <translation>ID numbers and phones partly masked (recommended)</translation>
        </message>
        <message>
            <source>完整的身份证号码和电话（仅限督导，将记入审计）</source>
            <translation>Full ID numbers and phones (supervisors only; recorded in the audit trail)</translation>
        </message>
        <message>
            <source>完整花名册：全部字段和紧急联系人，可导入另一个数据库（仅限督导，将记入审计）</source>
            <translation>Complete roster: every field and emergency contact, to import into another database (supervisors only, audited)</translation>
        </message>
        <message>
            <source>只有督导可以导出完整的身份证号码和电话</source>
            <translation>Only a supervisor may export full ID numbers and phones</translation>
        </message>
        <message>
            <source>打开这个文件时要输入的密码</source>
            <translation>The password to type when opening this file</translation>
        </message>
        <message>
            <source>文件密码：</source>
            <translation>File password:</translation>
        </message>
        <message>
            <source>花名册_%1.xlsx</source>
            <translation>roster_%1.xlsx</translation>
        </message>
        <message>
            <source>浏览…</source>
            <translation>Browse…</translation>
        </message>
        <message>
            <source>保存到：</source>
            <translation>Save to:</translation>
        </message>
        <message>
            <source>导出</source>
            <translation>Export</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>保存Excel花名册</source>
            <translation>Save Excel roster</translation>
        </message>
        <message>
            <source>Excel 工作簿 (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <source>导出完整信息</source>
            <translation>Export full details</translation>
        </message>
        <message>
            <source>将导出完整的身份证号码和电话号码。此次导出会记入审计记录（导出人、时间、人数、列）。请妥善保管文件，用后删除。确定导出吗？</source>
            <translation>Full ID numbers and phone numbers will be exported. This export is recorded in the audit trail (who, when, how many people, which columns). Keep the file safe and delete it after use. Export now?</translation>
        </message>
        <message>
            <source>请至少选择一列</source>
            <translation>Choose at least one column</translation>
        </message>
        <message>
            <source>完整号码的导出会加密：请填写文件密码（打开文件时要输入它）</source>
            <translation>An export with full numbers is encrypted: give a file password (it is asked when the file is opened)</translation>
        </message>
        <message>
            <source>正在导出…</source>
            <translation>Exporting…</translation>
        </message>
        <message>
            <source>已导出 %1 人到 %2</source>
            <translation>Exported %1 people to %2</translation>
        </message>
        <message>
            <source>没有导出</source>
            <translation>Not exported</translation>
        </message>
    </context>
    <context>
        <name>HolidayTab</name>
        <message>
            <source>录入或修改一段假期时的最后一天（只录一天时与开始日相同）</source>
            <translation>Last day when entering or changing a run of days (the same as the first for one day)</translation>
        </message>
        <message>
            <source>名称，如：元旦</source>
            <translation>Name, e.g. New Year's Day</translation>
        </message>
        <message>
            <source>添加/修改</source>
            <translation>Add/change</translation>
        </message>
        <message>
            <source>删除选中</source>
            <translation>Delete selected</translation>
        </message>
        <message>
            <source>年份</source>
            <translation>Year</translation>
        </message>
        <message>
            <source>至</source>
            <translation>to</translation>
        </message>
        <message>
            <source>确认所选预测假期</source>
            <translation>Confirm the selected predicted break</translation>
        </message>
        <message>
            <source>把所选预测假期改为上面的日期</source>
            <translation>Change the selected predicted break to the dates above</translation>
        </message>
        <message>
            <source>取消所选预测假期</source>
            <translation>Take back the selected predicted break</translation>
        </message>
        <message>
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>类型</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>名称</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>星期</source>
            <translation>Weekday</translation>
        </message>
        <message>
            <source>来源</source>
            <translation>Source</translation>
        </message>
        <message>
            <source>%1年的法定节假日和调休已由节假日库提供；此表中的日期优先。</source>
            <translation>Public holidays and make-up working days for %1 come from the holiday library; dates in this table take precedence.</translation>
        </message>
        <message>
            <source>设置节假日</source>
            <translation>Set holiday</translation>
        </message>
        <message>
            <source>删除节假日</source>
            <translation>Remove holiday</translation>
        </message>
        <message>
            <source>请先在表中选中预测假期的一天</source>
            <translation>Select a day of a predicted break in the table first</translation>
        </message>
        <message>
            <source>确认预测假期</source>
            <translation>Confirm predicted break</translation>
        </message>
        <message>
            <source>修改预测假期</source>
            <translation>Change predicted break</translation>
        </message>
        <message>
            <source>取消预测假期</source>
            <translation>Take back predicted break</translation>
        </message>
    </context>
    <context>
        <name>HoursExportDialog</name>
        <message>
            <source>导出志愿服务时长</source>
            <translation>Export volunteer hours</translation>
        </message>
        <message>
            <source>服务月份</source>
            <translation>Month</translation>
        </message>
        <message>
            <source>%1年%2月</source>
            <translation>%1-%2</translation>
        </message>
        <message>
            <source>模板</source>
            <translation>Template</translation>
        </message>
        <message>
            <source>导出列</source>
            <translation>Columns</translation>
        </message>
        <message>
            <source>完整手机号码（仅督导，记入操作日志）</source>
            <translation>Full phone numbers (supervisors only, audited)</translation>
        </message>
        <message>
            <source>模板名称，如：志愿汇</source>
            <translation>Template name, e.g. the platform's</translation>
        </message>
        <message>
            <source>保存为模板</source>
            <translation>Save as template</translation>
        </message>
        <message>
            <source>保存所选列</source>
            <translation>Save the chosen columns</translation>
        </message>
        <message>
            <source>导出 Excel…</source>
            <translation>Export to Excel…</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>默认</source>
            <translation>Default</translation>
        </message>
        <message>
            <source>已保存模板“%1”</source>
            <translation>Template '%1' saved</translation>
        </message>
        <message>
            <source>志愿服务时长_%1.xlsx</source>
            <translation>volunteer-hours_%1.xlsx</translation>
        </message>
        <message>
            <source>导出 Excel</source>
            <translation>Export to Excel</translation>
        </message>
        <message>
            <source>已导出 %1 位志愿者到 %2</source>
            <translation>Exported %1 volunteers to %2</translation>
        </message>
    </context>
    <context>
        <name>IdleLock</name>
        <message>
            <source>解锁</source>
            <translation>Unlock</translation>
        </message>
        <message>
            <source>退出银龄</source>
            <translation>Quit silverage</translation>
        </message>
        <message>
            <source>没有保存的内容会丢失。确定要退出吗？</source>
            <translation>Anything not saved will be lost. Quit anyway?</translation>
        </message>
    </context>
    <context>
        <name>ImportWizard</name>
        <message>
            <source>导入Excel花名册</source>
            <translation>Import Excel roster</translation>
        </message>
        <message>
            <source>请核对每一列对应的内容；改动会被记住，下次导入同样格式的表格时自动使用。</source>
            <translation>Check what each column holds; your changes are remembered and used the next time a workbook with the same layout is imported.</translation>
        </message>
        <message>
            <source>升级15位身份证号码</source>
            <translation>Upgrade 15-digit ID numbers</translation>
        </message>
        <message>
            <source>把15位旧号码换成对应的18位号码后重新预览；请先对照身份证核对拒绝原因中列出的号码</source>
            <translation>Preview again with each old 15-digit number replaced by its 18-digit number; first check the numbers listed in the reasons against the ID cards</translation>
        </message>
        <message>
            <source>保存错误工作簿…</source>
            <translation>Save error workbook…</translation>
        </message>
        <message>
            <source>上一步</source>
            <translation>Back</translation>
        </message>
        <message>
            <source>下一步</source>
            <translation>Next</translation>
        </message>
        <message>
            <source>导入</source>
            <translation>Import</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>选择要导入的Excel工作簿（.xlsx，可多个，例如每个社区一份）。旧版.xls、WPS .et和CSV请先另存为.xlsx。</source>
            <translation>Choose the Excel workbooks to import (.xlsx, several allowed, e.g. one per community). Save old .xls, WPS .et and CSV files as .xlsx first.</translation>
        </message>
        <message>
            <source>表格里出现、系统中还没有的社区、网格和微网格，导入时一并新建（预览中列出）</source>
            <translation>Create the communities, grids and micro-grids the workbook names that do not exist yet (listed in the preview)</translation>
        </message>
        <message>
            <source>添加文件…</source>
            <translation>Add files…</translation>
        </message>
        <message>
            <source>清空</source>
            <translation>Clear</translation>
        </message>
        <message>
            <source>第1步：选择文件</source>
            <translation>Step 1: choose files</translation>
        </message>
        <message>
            <source>第2步：核对列的对应</source>
            <translation>Step 2: check the column mapping</translation>
        </message>
        <message>
            <source>第3步：预览（尚未写入）</source>
            <translation>Step 3: preview (nothing written yet)</translation>
        </message>
        <message>
            <source>完成</source>
            <translation>Done</translation>
        </message>
        <message>
            <source>选择Excel花名册</source>
            <translation>Choose Excel rosters</translation>
        </message>
        <message>
            <source>Excel 工作簿 (*.xlsx);;所有文件 (*)</source>
            <translation>Excel workbooks (*.xlsx);;All files (*)</translation>
        </message>
        <message>
            <source>表格中的列</source>
            <translation>Column in the workbook</translation>
        </message>
        <message>
            <source>导入为</source>
            <translation>Import as</translation>
        </message>
        <message>
            <source>（无表头）</source>
            <translation>(no header)</translation>
        </message>
        <message>
            <source>（不导入）</source>
            <translation>(not imported)</translation>
        </message>
        <message>
            <source>（已记住）</source>
            <translation> (remembered)</translation>
        </message>
        <message>
            <source>示例取自每列的前几行数据，身份证号码和电话号码已部分隐藏。</source>
            <translation>Samples come from the first rows of each column; ID numbers and phone numbers are partly masked.</translation>
        </message>
        <message>
            <source>文件设置了打开密码，请输入：</source>
            <translation>A file is password-protected; its password:</translation>
        </message>
        <message>
            <source>已沿用上次的对应：表头相同的表格上次是这样导入的，如有不对可以修改。</source>
            <translation>Reusing the last mapping: a workbook with the same headers was imported this way last time; change anything that is wrong.</translation>
        </message>
        <message>
            <source>示例（前几行）</source>
            <translation>Samples (first rows)</translation>
        </message>
        <message>
            <source>“%1”和“%2”两列都导入为“%3”：每项内容只能来自一列，请把其中一列改为“（不导入）”</source>
            <translation>The columns '%1' and '%2' are both imported as '%3': each field can come from one column only; set one of them to '(not imported)'</translation>
        </message>
        <message>
            <source>请指定“姓名”和“身份证号码”两列</source>
            <translation>Choose the name and ID number columns</translation>
        </message>
        <message>
            <source>正在检查表格</source>
            <translation>Checking the workbooks</translation>
        </message>
        <message>
            <source>升级15位身份证号码（%1 行）</source>
            <translation>Upgrade 15-digit ID numbers (%1 rows)</translation>
        </message>
        <message>
            <source>读取 %1 行：新增 %2 人，更新 %3 人，无变化 %4 人，拒绝 %5 行，合并重复 %6 行。尚未写入任何数据。</source>
            <translation>Rows read: %1 — new %2, updated %3, unchanged %4, rejected %5, duplicates merged %6. Nothing has been written yet.</translation>
        </message>
        <message>
            <source>%1 条警告：这些人会导入，但所列内容未导入或待处理（见“警告”页）。</source>
            <translation>%1 warnings: these people will be imported, but the values listed were left out or need attention (see the Warnings tab).</translation>
        </message>
        <message>
            <source>%1：%2 → %3</source>
            <translation>%1: %2 → %3</translation>
        </message>
        <message>
            <source>工作表</source>
            <translation>Sheet</translation>
        </message>
        <message>
            <source>行</source>
            <translation>Row</translation>
        </message>
        <message>
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>身份证号码</source>
            <translation>ID number</translation>
        </message>
        <message>
            <source>地点</source>
            <translation>Place</translation>
        </message>
        <message>
            <source>新增 (%1)</source>
            <translation>New (%1)</translation>
        </message>
        <message>
            <source>变化</source>
            <translation>Changes</translation>
        </message>
        <message>
            <source>；</source>
            <translation>; </translation>
        </message>
        <message>
            <source>更新 (%1)</source>
            <translation>Updated (%1)</translation>
        </message>
        <message>
            <source>列</source>
            <translation>Column</translation>
        </message>
        <message>
            <source>原因</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>拒绝 (%1)</source>
            <translation>Rejected (%1)</translation>
        </message>
        <message>
            <source>内容</source>
            <translation>Value</translation>
        </message>
        <message>
            <source>说明</source>
            <translation>Details</translation>
        </message>
        <message>
            <source>警告 (%1)</source>
            <translation>Warnings (%1)</translation>
        </message>
        <message>
            <source>将新建的地点</source>
            <translation>Places to create</translation>
        </message>
        <message>
            <source>新建地点 (%1)</source>
            <translation>New places (%1)</translation>
        </message>
        <message>
            <source>文件</source>
            <translation>File</translation>
        </message>
        <message>
            <source>跳过的工作表</source>
            <translation>Skipped sheets</translation>
        </message>
        <message>
            <source>是</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>否</source>
            <translation>No</translation>
        </message>
        <message>
            <source>正在导入</source>
            <translation>Importing</translation>
        </message>
        <message>
            <source>新建了 %1 个地点：%2</source>
            <translation>%1 place(s) created: %2</translation>
        </message>
        <message>
            <source>、</source>
            <translation>, </translation>
        </message>
        <message>
            <source>导入完成：新增 %1 人，更新 %2 人，无变化 %3 人，拒绝 %4 行。</source>
            <translation>Import finished: %1 new, %2 updated, %3 unchanged, %4 rows rejected. </translation>
        </message>
        <message>
            <source>被拒绝的行没有导入，可保存为错误工作簿，修改后再次导入。</source>
            <translation>Rejected rows were not imported; save them as an error workbook, fix them and import again.</translation>
        </message>
        <message>
            <source>%1 条警告（见预览的“警告”页，也写在错误工作簿中）；没有微网格的人在花名册“只看待分配微网格”中。</source>
            <translation>%1 warnings (see the preview's Warnings tab; they are in the error workbook too); people without a micro-grid are on the roster under 'Awaiting a micro-grid only'.</translation>
        </message>
        <message>
            <source>保存错误工作簿</source>
            <translation>Save error workbook</translation>
        </message>
        <message>
            <source>Excel 工作簿 (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <source>已保存 %1 行到错误工作簿</source>
            <translation>Rows saved to the error workbook: %1</translation>
        </message>
    </context>
    <context>
        <name>LevelPanel</name>
        <message>
            <source>新建档案</source>
            <translation>New record</translation>
        </message>
        <message>
            <source>恢复在册</source>
            <translation>Restore to the roster</translation>
        </message>
        <message>
            <source>人工调整</source>
            <translation>Manual override</translation>
        </message>
        <message>
            <source>取消人工调整</source>
            <translation>Override cleared</translation>
        </message>
        <message>
            <source>探访发现</source>
            <translation>Visit finding</translation>
        </message>
        <message>
            <source>分级规则变更</source>
            <translation>Rules changed</translation>
        </message>
        <message>
            <source>重新评估</source>
            <translation>Reassessed</translation>
        </message>
        <message>
            <source>重新评估（命令行）</source>
            <translation>Reassessed (command line)</translation>
        </message>
        <message>
            <source>演示数据</source>
            <translation>Demo data</translation>
        </message>
        <message>
            <source>出生日期</source>
            <translation>Date of birth</translation>
        </message>
        <message>
            <source>居住情况</source>
            <translation>Living situation</translation>
        </message>
        <message>
            <source>失能等级</source>
            <translation>Disability</translation>
        </message>
        <message>
            <source>认知障碍</source>
            <translation>Cognitive impairment</translation>
        </message>
        <message>
            <source>患重大疾病</source>
            <translation>Serious illness</translation>
        </message>
        <message>
            <source>近一年跌倒过</source>
            <translation>Fell in the last year</translation>
        </message>
        <message>
            <source>近一年住过院</source>
            <translation>In hospital in the last year</translation>
        </message>
        <message>
            <source>子女住在附近</source>
            <translation>Children live nearby</translation>
        </message>
        <message>
            <source>经济状况</source>
            <translation>Economic status</translation>
        </message>
        <message>
            <source>居家有安全隐患</source>
            <translation>Hazards at home</translation>
        </message>
        <message>
            <source>、</source>
            <translation>, </translation>
        </message>
        <message>
            <source>修改了%1</source>
            <translation>Changed: %1</translation>
        </message>
        <message>
            <source>取消人工调整（按规则计算）</source>
            <translation>Clear the override (use the rules)</translation>
        </message>
        <message>
            <source>必须填写调整原因</source>
            <translation>A reason is required</translation>
        </message>
        <message>
            <source>人工调整等级</source>
            <translation>Override level</translation>
        </message>
        <message>
            <source>调整为</source>
            <translation>Change to</translation>
        </message>
        <message>
            <source>原因</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>等级历史</source>
            <translation>Level history</translation>
        </message>
        <message>
            <source>时间</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>等级</source>
            <translation>Level</translation>
        </message>
        <message>
            <source>得分</source>
            <translation>Score</translation>
        </message>
        <message>
            <source>触发</source>
            <translation>Trigger</translation>
        </message>
        <message>
            <source>操作人</source>
            <translation>By</translation>
        </message>
        <message>
            <source>当前等级：</source>
            <translation>Current level: </translation>
        </message>
        <message>
            <source>依据：</source>
            <translation>Reasons: </translation>
        </message>
        <message>
            <source>无</source>
            <translation>None</translation>
        </message>
        <message>
            <source>得分：</source>
            <translation>Score: </translation>
        </message>
        <message>
            <source>人工调整原因：</source>
            <translation>Override reason: </translation>
        </message>
        <message>
            <source>%1：%2</source>
            <translation>%1: %2</translation>
        </message>
    </context>
    <context>
        <name>LevelText</name>
        <message>
            <source>未评估</source>
            <translation>Not assessed</translation>
        </message>
    </context>
    <context>
        <name>LockCover</name>
        <message>
            <source>已锁定</source>
            <translation>Locked</translation>
        </message>
        <message>
            <source>较长时间没有操作，为保护老人的个人信息，窗口已锁定。请输入 %1 的密码继续。</source>
            <translation>Nobody has used the window for a while, so it is locked to protect people's personal data. Enter %1's password to go on.</translation>
        </message>
        <message>
            <source>密码</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>退出银龄…</source>
            <translation>Quit silverage…</translation>
        </message>
        <message>
            <source>解锁</source>
            <translation>Unlock</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>银龄 · 独居空巢老人关爱</source>
            <translation>Silverage · care for elderly people living alone</translation>
        </message>
        <message>
            <source>总览</source>
            <translation>Dashboard</translation>
        </message>
        <message>
            <source>花名册</source>
            <translation>Roster</translation>
        </message>
        <message>
            <source>志愿者</source>
            <comment>page</comment>
            <translation>Volunteers</translation>
        </message>
        <message>
            <source>探访</source>
            <translation>Visits</translation>
        </message>
        <message>
            <source>点位图</source>
            <translation>Point map</translation>
        </message>
        <message>
            <source>打印与导出</source>
            <translation>Print and export</translation>
        </message>
        <message>
            <source>设置</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>打印</source>
            <translation>Print</translation>
        </message>
        <message>
            <source>Excel 导入导出</source>
            <translation>Excel import and export</translation>
        </message>
        <message>
            <source>文件(&amp;F)</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>新增老人…</source>
            <translation>New person…</translation>
        </message>
        <message>
            <source>刷新</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <source>切换用户…</source>
            <translation>Switch user…</translation>
        </message>
        <message>
            <source>退出</source>
            <translation>Quit</translation>
        </message>
        <message>
            <source>编辑(&amp;E)</source>
            <translation>&amp;Edit</translation>
        </message>
        <message>
            <source>查找老人</source>
            <translation>Find a person</translation>
        </message>
        <message>
            <source>查看(&amp;V)</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <source>帮助(&amp;H)</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>关于银龄</source>
            <translation>About Silverage</translation>
        </message>
        <message>
            <source>正在载入花名册…</source>
            <translation>Loading the roster…</translation>
        </message>
        <message>
            <source>载入花名册</source>
            <translation>Loading the roster</translation>
        </message>
        <message>
            <source>数据库：</source>
            <translation>Database: </translation>
        </message>
        <message>
            <source>（演示数据）</source>
            <translation> (demo data)</translation>
        </message>
        <message numerus="yes">
            <source>在册 %n 人</source>
            <translation>
                <numerusform>%n person on the roster</numerusform>
                <numerusform>%n people on the roster</numerusform>
            </translation>
        </message>
        <message>
            <source>用户：%1（%2）</source>
            <translation>User: %1 (%2)</translation>
        </message>
        <message>
            <source>刷新花名册</source>
            <translation>Refresh roster</translation>
        </message>
        <message>
            <source>银龄：独居空巢老人花名册、三色分级与志愿者探访</source>
            <translation>Silverage: roster, care levels and volunteer visits for elderly people living alone</translation>
        </message>
    </context>
    <context>
        <name>MapPage</name>
        <message>
            <source>还没有可以画点位图的社区。

请先在“设置 → 地点”中建立社区、网格和微网格，或导入花名册：点位图会按地址自动画出每一栋楼。</source>
            <translation>There is no community to map yet.

Set up communities, grids and micro-grids under Settings → Places, or import a roster: the point map then draws every building from the addresses.</translation>
        </message>
        <message>
            <source>地点：</source>
            <translation>Place:</translation>
        </message>
        <message>
            <source>底图：</source>
            <translation>Base:</translation>
        </message>
        <message>
            <source>示意图</source>
            <translation>Schematic</translation>
        </message>
        <message>
            <source>社区平面图</source>
            <translation>Community plan</translation>
        </message>
        <message>
            <source>适合窗口</source>
            <translation>Fit</translation>
        </message>
        <message>
            <source>缩小（-）</source>
            <translation>Zoom out (-)</translation>
        </message>
        <message>
            <source>放大（+）</source>
            <translation>Zoom in (+)</translation>
        </message>
        <message>
            <source>显示整张图（0）</source>
            <translation>Show the whole map (0)</translation>
        </message>
        <message>
            <source>纸张大小</source>
            <translation>Paper size</translation>
        </message>
        <message>
            <source>打印点位图…</source>
            <translation>Print map…</translation>
        </message>
        <message>
            <source>保存所选社区或网格的点位图 PDF（每个网格一页，横向）</source>
            <translation>Save the point map of the chosen community or grid as a PDF (one landscape page per grid)</translation>
        </message>
        <message>
            <source>显示：</source>
            <translation>Show:</translation>
        </message>
        <message>
            <source>只看逾期未探访</source>
            <translation>Overdue only</translation>
        </message>
        <message>
            <source>居住情况：</source>
            <translation>Living:</translation>
        </message>
        <message>
            <source>全部</source>
            <translation>All</translation>
        </message>
        <message>
            <source>志愿者住处</source>
            <translation>Volunteers</translation>
        </message>
        <message>
            <source>按志愿者所在的微网格标出（■）</source>
            <translation>Mark volunteers in their micro-grid (■)</translation>
        </message>
        <message>
            <source>红</source>
            <translation>Red</translation>
        </message>
        <message>
            <source>黄</source>
            <translation>Yellow</translation>
        </message>
        <message>
            <source>绿</source>
            <translation>Green</translation>
        </message>
        <message>
            <source>未评估</source>
            <translation>Not assessed</translation>
        </message>
        <message>
            <source>圈：有人逾期未探访</source>
            <translation>ring: someone is overdue</translation>
        </message>
        <message>
            <source>数字：这栋楼的人数</source>
            <translation>number: people in the building</translation>
        </message>
        <message>
            <source>志愿者</source>
            <translation>Volunteer</translation>
        </message>
        <message>
            <source>读取点位图</source>
            <translation>Reading the point map</translation>
        </message>
        <message>
            <source>这里还没有在册的老人。</source>
            <translation>Nobody on the roster lives here yet.</translation>
        </message>
        <message>
            <source>%1：图上 %2 栋楼、%3 人（共 %4 栋、%5 人）</source>
            <translation>%1: %2 buildings, %3 people on the map (of %4 buildings, %5 people)</translation>
        </message>
        <message>
            <source>红 %1 · 黄 %2 · 绿 %3 · 未评估 %4 栋</source>
            <translation>Buildings: red %1 · yellow %2 · green %3 · not assessed %4</translation>
        </message>
        <message numerus="yes">
            <source>%1：%n 人（双击姓名打开档案）</source>
            <translation>
                <numerusform>%1: %n person (double-click a name to open the record)</numerusform>
                <numerusform>%1: %n people (double-click a name to open the record)</numerusform>
            </translation>
        </message>
        <message>
            <source>打开档案</source>
            <translation>Open the record</translation>
        </message>
        <message>
            <source>更正楼栋…</source>
            <translation>Correct the building…</translation>
        </message>
    </context>
    <context>
        <name>MapPrint</name>
        <message>
            <source>点位图_%1_%2_%3.pdf</source>
            <translation>point-map_%1_%2_%3.pdf</translation>
        </message>
        <message>
            <source>保存点位图</source>
            <translation>Save the point map</translation>
        </message>
        <message>
            <source>PDF 文件 (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <source>正在生成点位图</source>
            <translation>Making the point map</translation>
        </message>
        <message numerus="yes">
            <source>点位图已保存（%n 页，%1 栋楼）：%2</source>
            <translation>
                <numerusform>Point map saved (%n page, %1 buildings): %2</numerusform>
                <numerusform>Point map saved (%n pages, %1 buildings): %2</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MapSide</name>
        <message>
            <source>所选楼栋的老人</source>
            <translation>People in the chosen building</translation>
        </message>
        <message>
            <source>单击点位查看，双击姓名打开档案</source>
            <translation>Click a point to list its people; double-click a name to open the record</translation>
        </message>
        <message>
            <source>尚未放到平面图上的楼栋</source>
            <translation>Buildings not yet on the plan</translation>
        </message>
        <message>
            <source>移出平面图</source>
            <translation>Take off the plan</translation>
        </message>
        <message>
            <source>把所选点位放回待放列表</source>
            <translation>Put the chosen point back in the waiting list</translation>
        </message>
        <message>
            <source>未画在图上的志愿者</source>
            <translation>Volunteers not drawn on the map</translation>
        </message>
        <message>
            <source>载入平面图…</source>
            <translation>Load plan…</translation>
        </message>
        <message>
            <source>为所选社区或网格载入一张平面图（PNG 或 JPG 扫描件）</source>
            <translation>Load a plan for the chosen community or grid (a PNG or JPG scan)</translation>
        </message>
        <message>
            <source>删除平面图</source>
            <translation>Remove plan</translation>
        </message>
        <message>
            <source>把楼栋从这里拖到平面图上，或选中后在平面图上单击。</source>
            <translation>Drag a building from here onto the plan, or select it and click the plan.</translation>
        </message>
        <message>
            <source>管理员可以把这些楼栋放到平面图上。</source>
            <translation>An administrator can place these buildings on the plan.</translation>
        </message>
        <message numerus="yes">
            <source>尚未放到平面图上的楼栋（%n）</source>
            <translation>
                <numerusform>Buildings not yet on the plan (%n)</numerusform>
                <numerusform>Buildings not yet on the plan (%n)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>未画在图上的志愿者（%n）</source>
            <translation>
                <numerusform>Volunteers not drawn (%n)</numerusform>
                <numerusform>Volunteers not drawn (%n)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MapText</name>
        <message>
            <source>地址不详</source>
            <translation>Address unknown</translation>
        </message>
        <message>
            <source>%1岁</source>
            <translation>%1 years</translation>
        </message>
        <message>
            <source>逾期未探访</source>
            <translation>overdue</translation>
        </message>
        <message numerus="yes">
            <source>住有 %n 位老人</source>
            <translation>
                <numerusform>%n person lives here</numerusform>
                <numerusform>%n people live here</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>…另有 %n 人</source>
            <translation>
                <numerusform>… and %n more</numerusform>
                <numerusform>… and %n more</numerusform>
            </translation>
        </message>
        <message>
            <source>双击打开档案</source>
            <translation>Double-click to open the record</translation>
        </message>
        <message>
            <source>志愿者</source>
            <translation>Volunteer</translation>
        </message>
    </context>
    <context>
        <name>MicroGridPicker</name>
        <message>
            <source>（未分配）</source>
            <translation>(unassigned)</translation>
        </message>
    </context>
    <context>
        <name>NeedsEditor</name>
        <message>
            <source>说明（如：需两人协助）</source>
            <translation>Note (e.g. needs two helpers)</translation>
        </message>
    </context>
    <context>
        <name>OverdueListModel</name>
        <message>
            <source>等级</source>
            <translation>Level</translation>
        </message>
        <message>
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>电话</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>社区</source>
            <translation>Community</translation>
        </message>
        <message>
            <source>网格</source>
            <translation>Grid</translation>
        </message>
        <message>
            <source>最近联系</source>
            <translation>Last contact</translation>
        </message>
        <message>
            <source>已过天数</source>
            <translation>Days since</translation>
        </message>
        <message>
            <source>间隔（天）</source>
            <translation>Interval (days)</translation>
        </message>
        <message>
            <source>从未</source>
            <translation>Never</translation>
        </message>
    </context>
    <context>
        <name>OverdueModel</name>
        <message>
            <source>等级</source>
            <translation>Level</translation>
        </message>
        <message>
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>社区</source>
            <translation>Community</translation>
        </message>
        <message>
            <source>网格</source>
            <translation>Grid</translation>
        </message>
        <message>
            <source>最近联系</source>
            <translation>Last contact</translation>
        </message>
        <message>
            <source>已过天数</source>
            <translation>Days since</translation>
        </message>
        <message>
            <source>规定间隔（天）</source>
            <translation>Required interval (days)</translation>
        </message>
        <message>
            <source>从未</source>
            <translation>Never</translation>
        </message>
    </context>
    <context>
        <name>PasswordFields</name>
        <message>
            <source>密码</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>再输入一次</source>
            <translation>Again</translation>
        </message>
        <message>
            <source>请输入密码</source>
            <translation>Enter a password</translation>
        </message>
        <message>
            <source>两次输入的密码不一样</source>
            <translation>The two passwords differ</translation>
        </message>
        <message>
            <source>密码可以使用；请再输入一次</source>
            <translation>This password can be used; type it again</translation>
        </message>
        <message>
            <source>密码可以使用</source>
            <translation>This password can be used</translation>
        </message>
    </context>
    <context>
        <name>PdfPreview</name>
        <message>
            <source>选择要打印的内容，然后点“预览”。</source>
            <translation>Choose what to print, then press Preview.</translation>
        </message>
        <message numerus="yes">
            <source>预览：共 %n 页</source>
            <translation>
                <numerusform>Preview: %n page</numerusform>
                <numerusform>Preview: %n pages</numerusform>
            </translation>
        </message>
        <message>
            <source>本机没有内置 PDF 预览组件，已用系统的 PDF 阅读器打开。</source>
            <translation>No built-in PDF preview on this computer; opened in the system PDF viewer.</translation>
        </message>
        <message>
            <source>打印</source>
            <translation>Print</translation>
        </message>
        <message>
            <source>本机缺少 PDF 打印组件（PySide6-Pdf），将用系统的 PDF 阅读器打开，请在阅读器中打印。</source>
            <translation>The PDF printing component (PySide6-Pdf) is missing; the file opens in the system PDF viewer: print from there.</translation>
        </message>
        <message>
            <source>正在发送到打印机…</source>
            <translation>Sending to the printer…</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>PersonEditor</name>
        <message>
            <source>新增老人</source>
            <translation>New person</translation>
        </message>
        <message>
            <source>未登记</source>
            <translation>Not recorded</translation>
        </message>
        <message>
            <source>公历</source>
            <translation>Gregorian</translation>
        </message>
        <message>
            <source>农历</source>
            <translation>Lunar</translation>
        </message>
        <message>
            <source>未登记的老人按设置中的默认历法计算整寿</source>
            <translation>People not recorded are counted on the default calendar in Settings</translation>
        </message>
        <message>
            <source>基本信息</source>
            <translation>Basic details</translation>
        </message>
        <message>
            <source>健康与生活</source>
            <translation>Health and daily life</translation>
        </message>
        <message>
            <source>等级</source>
            <translation>Level</translation>
        </message>
        <message>
            <source>探访记录</source>
            <translation>Visit history</translation>
        </message>
        <message>
            <source>在册状态</source>
            <translation>Roster status</translation>
        </message>
        <message>
            <source>保存 (Ctrl+S)</source>
            <translation>Save (Ctrl+S)</translation>
        </message>
        <message>
            <source>关闭 (Esc)</source>
            <translation>Close (Esc)</translation>
        </message>
        <message>
            <source>点位图按此楼栋画点；留空则按地址。地址没写楼栋或写法不同时在这里更正</source>
            <translation>The point map puts the person in this building; empty = read from the address. Correct it here when the address names no building or writes it another way</translation>
        </message>
        <message>
            <source>按地址：%1</source>
            <translation>From the address: %1</translation>
        </message>
        <message>
            <source>地址里没有楼栋，可在此填写</source>
            <translation>The address names no building; you can type one here</translation>
        </message>
        <message>
            <source>当前状态</source>
            <translation>Current status</translation>
        </message>
        <message>
            <source>归档（移出在册名单）</source>
            <translation>Archive (take off the active roster)</translation>
        </message>
        <message>
            <source>恢复在册</source>
            <translation>Restore to the roster</translation>
        </message>
        <message>
            <source>归档原因类别</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>说明</source>
            <translation>Details</translation>
        </message>
        <message>
            <source>老人信息：</source>
            <translation>Person: </translation>
        </message>
        <message>
            <source>%1（%2）</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>%1 · %2岁 · %3</source>
            <translation>%1 · age %2 · %3</translation>
        </message>
        <message>
            <source>保存老人信息</source>
            <translation>Save person</translation>
        </message>
        <message>
            <source>可能重复</source>
            <translation>Possible duplicate</translation>
        </message>
        <message>
            <source>仍然新建吗？</source>
            <translation>Create a new record anyway?</translation>
        </message>
        <message>
            <source>别人已经先保存了</source>
            <translation>Someone else saved first</translation>
        </message>
        <message>
            <source>您的修改还在表单里，没有保存。请记下修改，关闭后重新打开此人再改。</source>
            <translation>Your changes are still in the form and were not saved. Note them, close, reopen this person and change again.</translation>
        </message>
        <message>
            <source>已保存。</source>
            <translation>Saved. </translation>
        </message>
        <message>
            <source>没有保存，请改正标红的内容。</source>
            <translation>Not saved: correct the fields marked in red. </translation>
        </message>
        <message>
            <source>归档</source>
            <translation>Archive</translation>
        </message>
        <message>
            <source>尚未保存</source>
            <translation>Not saved</translation>
        </message>
        <message>
            <source>修改还没有保存。要保存吗？</source>
            <translation>Your changes are not saved. Save them?</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>不保存</source>
            <translation>Don't save</translation>
        </message>
        <message>
            <source>继续编辑</source>
            <translation>Keep editing</translation>
        </message>
        <message>
            <source>慢性病，用、分隔</source>
            <translation>Chronic conditions, comma-separated</translation>
        </message>
        <message>
            <source>印在探访单上</source>
            <translation>Printed on visit sheets</translation>
        </message>
        <message>
            <source>等级已变化：%1 → %2</source>
            <translation>Level changed: %1 → %2</translation>
        </message>
        <message>
            <source>请先保存或撤销表单中的修改，再更改在册状态。</source>
            <translation>Save or undo the changes in the form before changing the roster status.</translation>
        </message>
    </context>
    <context>
        <name>PlacesPage</name>
        <message>
            <source>社区 → 网格 → 微网格，以及各处在册的老人和在岗的志愿者人数。合并时人员随之调整并逐人记录；还有在册老人或志愿者的地点不能归档。</source>
            <translation>Community → grid → micro-grid, with the people on the roster and the active volunteers of each. A merge moves the people with it, recorded one by one; a place that still has people or volunteers cannot be archived.</translation>
        </message>
        <message>
            <source>地点</source>
            <translation>Place</translation>
        </message>
        <message>
            <source>在册老人</source>
            <translation>On the roster</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>志愿者</source>
            <comment>count</comment>
            <translation>Volunteers</translation>
        </message>
        <message>
            <source>显示已归档的地点</source>
            <translation>Show archived places</translation>
        </message>
        <message>
            <source>添加社区…</source>
            <translation>Add community…</translation>
        </message>
        <message>
            <source>添加下一级…</source>
            <translation>Add below…</translation>
        </message>
        <message>
            <source>改名…</source>
            <translation>Rename…</translation>
        </message>
        <message>
            <source>上移</source>
            <translation>Move up</translation>
        </message>
        <message>
            <source>下移</source>
            <translation>Move down</translation>
        </message>
        <message>
            <source>移到其他网格…</source>
            <translation>Move to another grid…</translation>
        </message>
        <message>
            <source>合并到…</source>
            <translation>Merge into…</translation>
        </message>
        <message>
            <source>归档</source>
            <translation>Archive</translation>
        </message>
        <message>
            <source>恢复</source>
            <translation>Restore</translation>
        </message>
        <message>
            <source>只有督导和管理员可以修改地点。</source>
            <translation>Only supervisors and administrators may change places.</translation>
        </message>
        <message>
            <source>已归档</source>
            <translation>Archived</translation>
        </message>
        <message>
            <source>请在左边选择一个地点。</source>
            <translation>Choose a place on the left.</translation>
        </message>
        <message>
            <source>社区</source>
            <comment>level</comment>
            <translation>community</translation>
        </message>
        <message>
            <source>网格</source>
            <comment>level</comment>
            <translation>grid</translation>
        </message>
        <message>
            <source>微网格</source>
            <comment>level</comment>
            <translation>micro-grid</translation>
        </message>
        <message numerus="yes">
            <source>所选：%1（%2）；在册老人 %3 人，在岗志愿者 %n 人</source>
            <translation>
                <numerusform>Selected: %1 (%2); %3 on the roster, %n active volunteer</numerusform>
                <numerusform>Selected: %1 (%2); %3 on the roster, %n active volunteers</numerusform>
            </translation>
        </message>
        <message>
            <source>添加社区</source>
            <translation>Add community</translation>
        </message>
        <message>
            <source>社区名称</source>
            <translation>Community name</translation>
        </message>
        <message>
            <source>添加网格</source>
            <translation>Add grid</translation>
        </message>
        <message>
            <source>“%1”下的网格名称</source>
            <translation>Name of the grid in '%1'</translation>
        </message>
        <message>
            <source>添加微网格</source>
            <translation>Add micro-grid</translation>
        </message>
        <message>
            <source>“%1”下的微网格名称</source>
            <translation>Name of the micro-grid in '%1'</translation>
        </message>
        <message>
            <source>改名</source>
            <translation>Rename</translation>
        </message>
        <message>
            <source>“%1”的新名称</source>
            <translation>New name for '%1'</translation>
        </message>
        <message>
            <source>调整顺序</source>
            <translation>Change the order</translation>
        </message>
        <message>
            <source>移到其他网格</source>
            <translation>Move to another grid</translation>
        </message>
        <message>
            <source>把“%1”（连同其中的人员）移到：</source>
            <translation>Move '%1' (with its people) to:</translation>
        </message>
        <message>
            <source>合并</source>
            <translation>Merge</translation>
        </message>
        <message>
            <source>把“%1”合并到（同一级的地点）：</source>
            <translation>Merge '%1' into (a place of the same level):</translation>
        </message>
        <message>
            <source>把“%1”合并到“%2”：其中 %3 位老人和 %4 名志愿者将移到“%2”（逐人记录），“%1”随后不再存在。确定合并吗？</source>
            <translation>Merge '%1' into '%2': its %3 people and %4 volunteers move to '%2' (recorded one by one), and '%1' then no longer exists. Merge?</translation>
        </message>
        <message>
            <source>合并地点</source>
            <translation>Merge places</translation>
        </message>
    </context>
    <context>
        <name>PlacesStep</name>
        <message>
            <source>社区、网格和微网格</source>
            <translation>Communities, grids and micro-grids</translation>
        </message>
        <message>
            <source>输入本街道的地点。可以逐个添加，可以粘贴多行，也可以从Excel读取（地点清单或花名册本身）。</source>
            <translation>Enter the subdistrict's places: one by one, pasted as lines, or read from Excel (a place list or the roster itself).</translation>
        </message>
        <message>
            <source>地点（双击改名）</source>
            <translation>Place (double-click to rename)</translation>
        </message>
        <message>
            <source>添加社区…</source>
            <translation>Add community…</translation>
        </message>
        <message>
            <source>添加下一级…</source>
            <translation>Add below…</translation>
        </message>
        <message>
            <source>移除所选</source>
            <translation>Remove selected</translation>
        </message>
        <message>
            <source>粘贴（每行一个地点）</source>
            <translation>Paste (one place per line)</translation>
        </message>
        <message>
            <source>月河社区/1网格/1号微网格
月河社区/1网格/2号微网格
南湖社区/1网格
也可以从Excel复制社区、网格、微网格三列粘贴</source>
            <translation>Community/Grid/Micro-grid, one per line
e.g. Yuehe/Grid 1/Micro-grid 1
or paste three columns copied from Excel</translation>
        </message>
        <message>
            <source>加入左边的列表</source>
            <translation>Add to the list on the left</translation>
        </message>
        <message>
            <source>从Excel读取…</source>
            <translation>Read from Excel…</translation>
        </message>
        <message>
            <source>已在数据库中</source>
            <translation>Already in the database</translation>
        </message>
        <message>
            <source>共 %1 个社区、%2 个网格、%3 个微网格</source>
            <translation>Communities: %1, grids: %2, micro-grids: %3</translation>
        </message>
        <message>
            <source>添加社区</source>
            <translation>Add community</translation>
        </message>
        <message>
            <source>社区名称</source>
            <translation>Community name</translation>
        </message>
        <message>
            <source>添加网格</source>
            <translation>Add grid</translation>
        </message>
        <message>
            <source>“%1”下的网格名称</source>
            <translation>Name of the grid in '%1'</translation>
        </message>
        <message>
            <source>添加微网格</source>
            <translation>Add micro-grid</translation>
        </message>
        <message>
            <source>“%1”下的微网格名称</source>
            <translation>Name of the micro-grid in '%1'</translation>
        </message>
        <message>
            <source>没有读到地点：每行写一个，如 月河社区/1网格/1号微网格</source>
            <translation>No places read: write one per line, community/grid/micro-grid</translation>
        </message>
        <message>
            <source>读到 %1 行，新增 %2 个地点</source>
            <translation>%1 line(s) read, %2 new place(s)</translation>
        </message>
        <message>
            <source>选择地点清单或花名册</source>
            <translation>Choose a place list or the roster</translation>
        </message>
        <message>
            <source>Excel 工作簿 (*.xlsx);;所有文件 (*)</source>
            <translation>Excel workbooks (*.xlsx);;All files (*)</translation>
        </message>
        <message>
            <source>读取Excel中的地点</source>
            <translation>Reading the places in the workbook</translation>
        </message>
        <message>
            <source>“%1”里没有找到“社区”“网格”“微网格”列，也没有以社区命名的工作表</source>
            <translation>'%1' has no community, grid or micro-grid column, and no sheet named after a community</translation>
        </message>
        <message>
            <source>从“%1”读到 %2 个地点，新增 %3 个。</source>
            <translation>%2 place(s) read from '%1', %3 new.</translation>
        </message>
        <message>
            <source>有 %1 行没有读入，例如 %2 第%3行：%4</source>
            <translation>%1 row(s) not read, e.g. %2 row %3: %4</translation>
        </message>
    </context>
    <context>
        <name>PlanEditor</name>
        <message>
            <source>选择社区平面图</source>
            <translation>Choose the community plan</translation>
        </message>
        <message>
            <source>图片 (*.png *.jpg *.jpeg)</source>
            <translation>Images (*.png *.jpg *.jpeg)</translation>
        </message>
        <message>
            <source>点位图</source>
            <translation>Point map</translation>
        </message>
        <message>
            <source>载入平面图</source>
            <translation>Loading the plan</translation>
        </message>
        <message>
            <source>删除这张平面图和已放好的点位？示意图不受影响。</source>
            <translation>Remove this plan and the points placed on it? The schematic is not affected.</translation>
        </message>
        <message>
            <source>删除平面图</source>
            <translation>Remove plan</translation>
        </message>
        <message>
            <source>放置楼栋</source>
            <translation>Placing a building</translation>
        </message>
        <message>
            <source>移出平面图</source>
            <translation>Take off the plan</translation>
        </message>
    </context>
    <context>
        <name>PlanTab</name>
        <message>
            <source>生成探访计划</source>
            <translation>Plan visits</translation>
        </message>
        <message>
            <source>从</source>
            <translation>From</translation>
        </message>
        <message>
            <source>到</source>
            <translation>to</translation>
        </message>
        <message>
            <source>志愿者</source>
            <translation>Volunteer</translation>
        </message>
        <message>
            <source>点“生成探访计划”重新计划：已打印的探访尽量不变，只有变了的探访单需要重印。</source>
            <translation>Press 'Plan visits' to re-plan: printed visits stay as they are where possible, and only the sheets that changed need reprinting.</translation>
        </message>
        <message>
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>时段</source>
            <translation>Half-day</translation>
        </message>
        <message>
            <source>老人</source>
            <translation>Person</translation>
        </message>
        <message>
            <source>等级</source>
            <translation>Level</translation>
        </message>
        <message>
            <source>网格</source>
            <translation>Grid</translation>
        </message>
        <message>
            <source>方式</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>时间窗</source>
            <translation>Window</translation>
        </message>
        <message>
            <source>编号</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>列表</source>
            <translation>List</translation>
        </message>
        <message>
            <source>周历</source>
            <translation>Week</translation>
        </message>
        <message>
            <source>改日期…</source>
            <translation>Move…</translation>
        </message>
        <message>
            <source>换志愿者…</source>
            <translation>Change volunteer…</translation>
        </message>
        <message>
            <source>确认</source>
            <translation>Confirm</translation>
        </message>
        <message>
            <source>取消探访</source>
            <translation>Cancel visit</translation>
        </message>
        <message>
            <source>；</source>
            <translation>; </translation>
        </message>
        <message>
            <source>共 %1 次（已完成或已确认 %2 次不动）</source>
            <translation>%1 visits (%2 done or confirmed, left as they are)</translation>
        </message>
        <message>
            <source>与原计划相比：保留 %1，新增 %2，改动 %3，取消 %4</source>
            <translation>Against the plan before: %1 kept, %2 added, %3 moved, %4 cancelled</translation>
        </message>
        <message>
            <source>%1：%2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>（另 %1 名）</source>
            <translation> (and %1 more)</translation>
        </message>
        <message>
            <source>需重印探访单 %1 名志愿者：%2</source>
            <translation>Sheets to reprint for %1 volunteers: %2</translation>
        </message>
        <message>
            <source>已打印的探访单全部仍然有效，无需重印。</source>
            <translation>Every printed sheet is still valid; nothing to reprint.</translation>
        </message>
        <message>
            <source>未能安排 %1 次：%2</source>
            <translation>Not planned: %1 — %2</translation>
        </message>
        <message>
            <source>服务需求：安排 %1 项服务（其中上门服务 %2 次，其余随上门探访同行）</source>
            <translation>Services: %1 planned (%2 service visits; the rest ride on home visits)</translation>
        </message>
        <message>
            <source>未能安排的服务 %1 项：%2</source>
            <translation>%1 services not planned: %2</translation>
        </message>
        <message>
            <source>总成本 %1（为守住技能每周上限再次求解，未证明最优），用时 %3 秒</source>
            <translation>Total cost %1 (solved again to hold skills' weekly limits; not proven optimal), %3 s</translation>
        </message>
        <message>
            <source>%1（%2）</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>当前计划：%1（%2 制定），本时段共 %3 次探访</source>
            <translation>Plan in force: %1 (made by %2), %3 visits in this period</translation>
        </message>
        <message>
            <source>本时段还没有探访计划。</source>
            <translation>No plan for this period yet.</translation>
        </message>
        <message>
            <source>已调整：%1</source>
            <translation>Changed: %1</translation>
        </message>
        <message>
            <source>新日期（如 2026-12-07、2026/12/7 或 20261207），下午加 PM：</source>
            <translation>New date (e.g. 2026-12-07, 2026/12/7 or 20261207); add PM for the afternoon:</translation>
        </message>
        <message>
            <source>日期格式不对，应写成 2026-12-07、2026/12/7 或 20261207</source>
            <translation>That is not a date: write it as 2026-12-07, 2026/12/7 or 20261207</translation>
        </message>
        <message>
            <source>%1 %2（%3）</source>
            <translation>%1 %2 (%3)</translation>
        </message>
        <message>
            <source>更改探访状态</source>
            <translation>Change visit status</translation>
        </message>
        <message>
            <source>全部应探访次数均已安排。</source>
            <translation>Every required visit is planned.</translation>
        </message>
        <message>
            <source>总成本 %1（已证明最优），用时 %3 秒</source>
            <translation>Total cost %1 (proven optimal), %3 s</translation>
        </message>
        <message>
            <source>全部志愿者</source>
            <translation>All volunteers</translation>
        </message>
        <message>
            <source>上午</source>
            <translation>Morning</translation>
        </message>
        <message>
            <source>下午</source>
            <translation>Afternoon</translation>
        </message>
        <message>
            <source>全部志愿者（每格为探访次数）</source>
            <translation>All volunteers (each cell: number of visits)</translation>
        </message>
        <message>
            <source>请先选中一条探访</source>
            <translation>Select a visit first</translation>
        </message>
        <message>
            <source>调整探访</source>
            <translation>Change visit</translation>
        </message>
        <message>
            <source>已调整</source>
            <translation>Changed</translation>
        </message>
        <message>
            <source>改日期</source>
            <translation>Move</translation>
        </message>
        <message>
            <source>换志愿者</source>
            <translation>Change volunteer</translation>
        </message>
        <message>
            <source>改由谁探访：</source>
            <translation>Who should visit:</translation>
        </message>
    </context>
    <context>
        <name>PrintPanel</name>
        <message>
            <source>探访单（每位志愿者一份）</source>
            <translation>Visit sheets (one set per volunteer)</translation>
        </message>
        <message>
            <source>探访单（每个微网格一份）</source>
            <translation>Visit sheets (one set per micro-grid)</translation>
        </message>
        <message>
            <source>花名册（按社区、等级）</source>
            <translation>Roster (by community and level)</translation>
        </message>
        <message>
            <source>专项行动电话名单</source>
            <translation>Campaign call list</translation>
        </message>
        <message>
            <source>空白探访表</source>
            <translation>Blank visit form</translation>
        </message>
        <message>
            <source>三色点位图（每个网格一页）</source>
            <translation>Red-yellow-green point map (a page per grid)</translation>
        </message>
        <message>
            <source>寿星名单（某月逢整寿的老人）</source>
            <translation>Milestone birthdays of a month</translation>
        </message>
        <message>
            <source>志愿服务时长证明（每位志愿者一页）</source>
            <translation>Certificates of volunteer hours (one page per volunteer)</translation>
        </message>
        <message>
            <source>打印内容</source>
            <translation>Printout</translation>
        </message>
        <message>
            <source>至</source>
            <translation>to</translation>
        </message>
        <message>
            <source>探访日期</source>
            <translation>Visit dates</translation>
        </message>
        <message>
            <source>志愿者</source>
            <translation>Volunteer</translation>
        </message>
        <message>
            <source>微网格</source>
            <translation>Micro-grid</translation>
        </message>
        <message>
            <source>专项行动</source>
            <translation>Campaign</translation>
        </message>
        <message>
            <source>社区或网格</source>
            <translation>Community or grid</translation>
        </message>
        <message>
            <source>%1 横向</source>
            <translation>%1 landscape</translation>
        </message>
        <message>
            <source>纸张</source>
            <translation>Paper</translation>
        </message>
        <message>
            <source>月份</source>
            <translation>Month</translation>
        </message>
        <message>
            <source>%1年%2月</source>
            <translation>%1-%2</translation>
        </message>
        <message>
            <source>服务月份</source>
            <translation>Month</translation>
        </message>
        <message>
            <source>导出时长 Excel（志愿者平台）…</source>
            <translation>Export hours to Excel (volunteer platforms)…</translation>
        </message>
        <message>
            <source>显示完整身份证号和电话（仅督导，会记录在操作日志中）</source>
            <translation>Show full ID numbers and phones (supervisors only; recorded in the audit log)</translation>
        </message>
        <message>
            <source>预览</source>
            <translation>Preview</translation>
        </message>
        <message>
            <source>打印…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <source>保存为 PDF…</source>
            <translation>Save as PDF…</translation>
        </message>
        <message>
            <source>打印的纸张含个人信息：请交给志愿者本人，用后收回。每次打印都记入操作日志。</source>
            <translation>Printed pages hold personal data: hand them to the volunteer in person and collect them afterwards. Every print is recorded in the audit log.</translation>
        </message>
        <message>
            <source>全部志愿者</source>
            <translation>All volunteers</translation>
        </message>
        <message>
            <source>%1（%2）</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>全部微网格</source>
            <translation>All micro-grids</translation>
        </message>
        <message>
            <source>全部社区（每个网格一页）</source>
            <translation>All communities (a page per grid)</translation>
        </message>
        <message numerus="yes">
            <source>已生成 %n 页，涉及 %1 人。</source>
            <translation>
                <numerusform>Made %n page (people on it: %1).</numerusform>
                <numerusform>Made %n pages (people on them: %1).</numerusform>
            </translation>
        </message>
        <message>
            <source>探访单_%1-%2.pdf</source>
            <translation>visit_sheets_%1-%2.pdf</translation>
        </message>
        <message>
            <source>探访单_微网格_%1-%2.pdf</source>
            <translation>visit_sheets_by_micro-grid_%1-%2.pdf</translation>
        </message>
        <message>
            <source>花名册_%1.pdf</source>
            <translation>roster_%1.pdf</translation>
        </message>
        <message>
            <source>电话名单.pdf</source>
            <translation>call_list.pdf</translation>
        </message>
        <message>
            <source>空白探访表.pdf</source>
            <translation>blank_visit_form.pdf</translation>
        </message>
        <message>
            <source>点位图_%1.pdf</source>
            <translation>point-map_%1.pdf</translation>
        </message>
        <message>
            <source>寿星名单_%1.pdf</source>
            <translation>milestone-birthdays_%1.pdf</translation>
        </message>
        <message>
            <source>志愿服务时长证明_%1.pdf</source>
            <translation>volunteer-hours-certificates_%1.pdf</translation>
        </message>
        <message>
            <source>打印.pdf</source>
            <translation>printout.pdf</translation>
        </message>
        <message>
            <source>正在生成打印文件</source>
            <translation>Making the printout</translation>
        </message>
        <message>
            <source>保存为 PDF</source>
            <translation>Save as PDF</translation>
        </message>
        <message>
            <source>PDF 文件 (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <source>已保存到 %1</source>
            <translation>Saved to %1</translation>
        </message>
    </context>
    <context>
        <name>RecordTab</name>
        <message>
            <source>输入或扫描探访单上的编号，按回车打开</source>
            <translation>Type or scan the code on the visit sheet, Enter opens it</translation>
        </message>
        <message>
            <source>探访编号</source>
            <translation>Visit code</translation>
        </message>
        <message>
            <source>更正已录入的结果</source>
            <translation>Correct the recorded outcome</translation>
        </message>
        <message>
            <source>原结果保留在操作日志中</source>
            <translation>The old outcome stays in the audit log</translation>
        </message>
        <message>
            <source>探访日期</source>
            <comment>one visit</comment>
            <translation>Visit date</translation>
        </message>
        <message>
            <source>探访结果</source>
            <translation>Outcome</translation>
        </message>
        <message>
            <source>由他人代为探访时填写</source>
            <translation>Fill in when someone else visited</translation>
        </message>
        <message>
            <source>代班探访人</source>
            <translation>Visited by (substitute)</translation>
        </message>
        <message>
            <source>健康</source>
            <translation>Health</translation>
        </message>
        <message>
            <source>精神状态</source>
            <translation>Mental state</translation>
        </message>
        <message>
            <source>居家安全（燃气、水、电）</source>
            <translation>Home safety (gas, water, electricity)</translation>
        </message>
        <message>
            <source>卫生</source>
            <translation>Hygiene</translation>
        </message>
        <message>
            <source>需求</source>
            <translation>Needs</translation>
        </message>
        <message>
            <source>提供的服务</source>
            <translation>Services given</translation>
        </message>
        <message>
            <source>未填</source>
            <translation>Not stated</translation>
        </message>
        <message>
            <source> 分钟</source>
            <translation> min</translation>
        </message>
        <message>
            <source>服务时长</source>
            <translation>Time spent</translation>
        </message>
        <message>
            <source>备注</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>跟进事项</source>
            <translation>Follow-ups</translation>
        </message>
        <message>
            <source>负责人</source>
            <translation>Owner</translation>
        </message>
        <message>
            <source>跟进</source>
            <translation>Follow-up</translation>
        </message>
        <message>
            <source>发现跌倒</source>
            <translation>Found a fall</translation>
        </message>
        <message>
            <source>失能情况无变化</source>
            <translation>Disability unchanged</translation>
        </message>
        <message>
            <source>风险变化</source>
            <translation>Risk change</translation>
        </message>
        <message>
            <source>保存探访结果</source>
            <translation>Save outcome</translation>
        </message>
        <message>
            <source>Ctrl+Enter 保存</source>
            <translation>Ctrl+Enter saves</translation>
        </message>
        <message>
            <source>已打开探访 %1</source>
            <translation>Opened visit %1</translation>
        </message>
        <message>
            <source>时间窗 %1 至 %2</source>
            <translation>window %1 to %2</translation>
        </message>
        <message>
            <source>计划 %1</source>
            <translation>planned %1</translation>
        </message>
        <message>
            <source>已于 %1 录入为“%2”</source>
            <translation>Recorded on %1 as '%2'</translation>
        </message>
        <message>
            <source>备注：%1</source>
            <translation>notes: %1</translation>
        </message>
        <message>
            <source>代班：%1</source>
            <translation>visited by: %1</translation>
        </message>
        <message>
            <source>服务：%1</source>
            <translation>Services: %1</translation>
        </message>
        <message>
            <source>时长：%1 分钟</source>
            <translation>Time: %1 min</translation>
        </message>
        <message>
            <source>保存更正</source>
            <translation>Save correction</translation>
        </message>
        <message>
            <source>晚于今天：只能录入已经进行的探访</source>
            <translation>After today: only a visit that took place can be recorded</translation>
        </message>
        <message>
            <source>不在时间窗（%1 至 %2）内：可以保存，保存时会提示</source>
            <translation>Outside the window (%1 to %2): it can be saved, with a warning</translation>
        </message>
        <message>
            <source>请先输入探访编号并按回车</source>
            <translation>Type the visit code and press Enter first</translation>
        </message>
        <message>
            <source>编号已改动：请先按回车打开这次探访</source>
            <translation>The code was changed: press Enter to open that visit first</translation>
        </message>
        <message>
            <source>探访 %1 已于 %2 录入为“%3”。如需更正，请勾选“更正已录入的结果”后再保存。</source>
            <translation>Visit %1 was recorded on %2 as '%3'. To change it, tick 'Correct the recorded outcome' and save again.</translation>
        </message>
        <message>
            <source>录入探访结果</source>
            <translation>Record visit result</translation>
        </message>
        <message>
            <source>已保存 %1（探访日期 %2）</source>
            <translation>Saved %1 (visited on %2)</translation>
        </message>
        <message>
            <source>（更正了原先录入的结果：%1）</source>
            <translation> (corrected the outcome recorded before: %1)</translation>
        </message>
    </context>
    <context>
        <name>ResetPasswordDialog</name>
        <message>
            <source>重置密码</source>
            <translation>Reset password</translation>
        </message>
        <message>
            <source>为 %1（%2）设置新密码。</source>
            <translation>A new password for %1 (%2).</translation>
        </message>
        <message>
            <source>为 %1（%2）设置临时密码；本人下次登录时必须换成自己的新密码。</source>
            <translation>A temporary password for %1 (%2); they must choose their own at the next sign-in.</translation>
        </message>
        <message>
            <source>新密码</source>
            <translation>New password</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>RosterModel</name>
        <message>
            <source>等级</source>
            <translation>Level</translation>
        </message>
        <message>
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>性别</source>
            <translation>Gender</translation>
        </message>
        <message>
            <source>年龄</source>
            <translation>Age</translation>
        </message>
        <message>
            <source>居住情况</source>
            <comment>column</comment>
            <translation>Living</translation>
        </message>
        <message>
            <source>社区</source>
            <translation>Community</translation>
        </message>
        <message>
            <source>网格</source>
            <translation>Grid</translation>
        </message>
        <message>
            <source>微网格</source>
            <translation>Micro-grid</translation>
        </message>
        <message>
            <source>地址</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>电话</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>最近联系</source>
            <translation>Last contact</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>超过规定间隔未联系</source>
            <translation>Not contacted within the required interval</translation>
        </message>
        <message>
            <source>（人工）</source>
            <translation> (manual)</translation>
        </message>
        <message>
            <source>从未</source>
            <translation>Never</translation>
        </message>
    </context>
    <context>
        <name>RosterPage</name>
        <message>
            <source>搜索：姓名、拼音首字母（如 zxy）、身份证号、电话、地址  (Ctrl+F)</source>
            <translation>Search: name, pinyin initials (e.g. zxy), ID number, phone, address  (Ctrl+F)</translation>
        </message>
        <message>
            <source>全部等级</source>
            <translation>All levels</translation>
        </message>
        <message>
            <source>未评估</source>
            <translation>Not assessed</translation>
        </message>
        <message>
            <source>全部社区</source>
            <translation>All communities</translation>
        </message>
        <message>
            <source>全部网格</source>
            <translation>All grids</translation>
        </message>
        <message>
            <source>全部微网格</source>
            <translation>All micro-grids</translation>
        </message>
        <message>
            <source>全部居住情况</source>
            <translation>All living situations</translation>
        </message>
        <message>
            <source>全部需求</source>
            <translation>All needs</translation>
        </message>
        <message>
            <source>需求：%1</source>
            <translation>Needs: %1</translation>
        </message>
        <message>
            <source>在册</source>
            <translation>Active</translation>
        </message>
        <message>
            <source>已归档</source>
            <translation>Archived</translation>
        </message>
        <message>
            <source>全部状态</source>
            <translation>Any status</translation>
        </message>
        <message>
            <source>只看逾期未联系</source>
            <translation>Overdue only</translation>
        </message>
        <message>
            <source>只看需复评</source>
            <translation>Reassessment due only</translation>
        </message>
        <message>
            <source>只看待分配微网格</source>
            <translation>Awaiting a micro-grid only</translation>
        </message>
        <message>
            <source>导入时没有写微网格的人：选中他们，用“调整微网格…”分到微网格</source>
            <translation>People imported without a micro-grid: select them and use 'Move to micro-grid…'</translation>
        </message>
        <message>
            <source>清除筛选</source>
            <translation>Clear filters</translation>
        </message>
        <message>
            <source>新增老人</source>
            <translation>New person</translation>
        </message>
        <message>
            <source>打开</source>
            <translation>Open</translation>
        </message>
        <message>
            <source>调整微网格…</source>
            <translation>Move to micro-grid…</translation>
        </message>
        <message>
            <source>更换志愿者…</source>
            <translation>Change volunteer…</translation>
        </message>
        <message>
            <source>打印探访单…</source>
            <translation>Print visit sheets…</translation>
        </message>
        <message>
            <source>导出Excel…</source>
            <translation>Export to Excel…</translation>
        </message>
        <message>
            <source>计算逾期名单</source>
            <translation>Working out who is overdue</translation>
        </message>
        <message numerus="yes">
            <source>显示 %1 / 共 %n 人</source>
            <translation>
                <numerusform>Showing %1 of %n person</numerusform>
                <numerusform>Showing %1 of %n people</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>已选 %n 人</source>
            <translation>
                <numerusform>%n person selected</numerusform>
                <numerusform>%n people selected</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>把选中的 %n 人调整到：</source>
            <translation>
                <numerusform>Move the selected person to:</numerusform>
                <numerusform>Move the %n selected people to:</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>把选中的 %n 人今后未完成的探访交给：</source>
            <translation>
                <numerusform>Give the selected person's future open visits to:</numerusform>
                <numerusform>Give the %n selected people's future open visits to:</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>将把 %1 人的 %n 次探访交给 %2。</source>
            <translation>
                <numerusform>%2 will take over %n visit (people affected: %1).</numerusform>
                <numerusform>%2 will take over %n visits (people affected: %1).</numerusform>
            </translation>
        </message>
        <message>
            <source>%1（%2）</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>调整微网格</source>
            <translation>Move to micro-grid</translation>
        </message>
        <message>
            <source>更换志愿者</source>
            <translation>Change volunteer</translation>
        </message>
        <message>
            <source>没有在岗的志愿者。</source>
            <translation>There are no active volunteers.</translation>
        </message>
        <message>
            <source>选中的人今后没有需要更换志愿者的探访。</source>
            <translation>The selected people have no future visits to give to another volunteer.</translation>
        </message>
        <message>
            <source>请注意：</source>
            <translation>Please note:</translation>
        </message>
        <message>
            <source>确定更换吗？</source>
            <translation>Change the volunteer?</translation>
        </message>
    </context>
    <context>
        <name>RosterStep</name>
        <message>
            <source>花名册</source>
            <translation>Roster</translation>
        </message>
        <message>
            <source>已经有Excel花名册的街道，可以现在导入；也可以先空着开始，以后再导入或逐个录入。</source>
            <translation>If the subdistrict has an Excel roster, import it now; or start empty and import or enter people later.</translation>
        </message>
        <message>
            <source>现在导入花名册（Excel）</source>
            <translation>Import the roster now (Excel)</translation>
        </message>
        <message>
            <source>先不导入，从空花名册开始</source>
            <translation>Start with an empty roster</translation>
        </message>
        <message>
            <source>完成后打开导入向导，先打开“%1”；表格里出现的新地点会一并建立。</source>
            <translation>After Finish the import opens with '%1'; new places it names are created with it.</translation>
        </message>
        <message>
            <source>完成后打开导入向导；表格里出现、还没有建立的地点会一并建立。</source>
            <translation>After Finish the import opens; places the workbook names that do not exist yet are created with it.</translation>
        </message>
        <message>
            <source>点“完成”后建立：街道“%1”；管理员 %2（%3）；地点%4。</source>
            <translation>Finish creates: subdistrict '%1'; administrator %2 (%3); places (%4).</translation>
        </message>
    </context>
    <context>
        <name>RulesDialog</name>
        <message>
            <source>三色分级规则</source>
            <translation>Care-level rules</translation>
        </message>
        <message>
            <source>版本说明：</source>
            <translation>Version note:</translation>
        </message>
        <message>
            <source>例如：红色阈值降为5分</source>
            <translation>e.g. red threshold lowered to 5 points</translation>
        </message>
        <message>
            <source>预览</source>
            <translation>Preview</translation>
        </message>
        <message>
            <source>应用</source>
            <translation>Apply</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>阈值（分）</source>
            <translation>Thresholds (points)</translation>
        </message>
        <message>
            <source>红色：得分 ≥</source>
            <translation>Red: score ≥</translation>
        </message>
        <message>
            <source>黄色：得分 ≥</source>
            <translation>Yellow: score ≥</translation>
        </message>
        <message>
            <source>年龄（岁起，分）</source>
            <translation>Age (from age, points)</translation>
        </message>
        <message>
            <source>岁及以上</source>
            <translation>years and over</translation>
        </message>
        <message>
            <source>居住情况（分）</source>
            <translation>Living situation (points)</translation>
        </message>
        <message>
            <source>失能等级（分）</source>
            <translation>Disability (points)</translation>
        </message>
        <message>
            <source>经济状况（分）</source>
            <translation>Economic status (points)</translation>
        </message>
        <message>
            <source>其他风险因素（分）</source>
            <translation>Other risk factors (points)</translation>
        </message>
        <message>
            <source>必红条件（同时满足即为红色）</source>
            <translation>Always-red triggers (red when all conditions hold)</translation>
        </message>
        <message>
            <source>复评间隔（月）</source>
            <translation>Reassessment interval (months)</translation>
        </message>
        <message>
            <source>预览：等级变化</source>
            <translation>Preview: level changes</translation>
        </message>
        <message>
            <source>修改规则后点“预览”，查看会有多少人、哪些人改变等级。</source>
            <translation>Change the rules, then press "Preview" to see how many people, and who, would change level.</translation>
        </message>
        <message>
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>原等级</source>
            <translation>Old level</translation>
        </message>
        <message>
            <source>新等级</source>
            <translation>New level</translation>
        </message>
        <message>
            <source>规则已修改，请重新预览后再应用。</source>
            <translation>The rules changed; preview again before applying.</translation>
        </message>
        <message>
            <source>当前规则：第 %1 版 %2</source>
            <translation>Rules in force: version %1 %2</translation>
        </message>
        <message>
            <source>　（只有督导可以应用新规则，您可以预览）</source>
            <translation>  (only a supervisor can apply new rules; you can preview)</translation>
        </message>
        <message numerus="yes">
            <source>已应用第 %1 版规则，%n 人改变等级。</source>
            <translation>
                <numerusform>Rules version %1 applied; %n person changed level.</numerusform>
                <numerusform>Rules version %1 applied; %n people changed level.</numerusform>
            </translation>
        </message>
        <message>
            <source>正在预览</source>
            <translation>Previewing</translation>
        </message>
        <message>
            <source>编号</source>
            <comment>person</comment>
            <translation>No.</translation>
        </message>
        <message>
            <source>%1 %2 → %3</source>
            <translation>%1 %2 → %3</translation>
        </message>
        <message>
            <source>，</source>
            <translation>, </translation>
        </message>
        <message numerus="yes">
            <source>共 %n 人改变等级。%1</source>
            <translation>
                <numerusform>%n person changes level. %1</numerusform>
                <numerusform>%n people change level. %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>（%n 人有人工调整，等级不变）</source>
            <translation>
                <numerusform> (%n with a manual override keeps their level)</numerusform>
                <numerusform> (%n with a manual override keep their level)</numerusform>
            </translation>
        </message>
        <message>
            <source>未评估</source>
            <translation>Not assessed</translation>
        </message>
        <message>
            <source>只有督导可以应用新规则。</source>
            <translation>Only a supervisor can apply new rules.</translation>
        </message>
        <message>
            <source>规则没有变化。</source>
            <translation>The rules have not changed.</translation>
        </message>
        <message>
            <source>确认无误后点“应用”：将保存为新版本并重新评估所有在册老人。</source>
            <translation>If this looks right, press "Apply": the rules are saved as a new version and every active person is re-assessed.</translation>
        </message>
        <message>
            <source>正在应用新规则并重新评估</source>
            <translation>Applying the new rules and re-assessing</translation>
        </message>
    </context>
    <context>
        <name>SelectionPrintDialog</name>
        <message numerus="yes">
            <source>打印探访单（%n 人）</source>
            <translation>
                <numerusform>Print visit sheets (%n person)</numerusform>
                <numerusform>Print visit sheets (%n people)</numerusform>
            </translation>
        </message>
        <message>
            <source>打印…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <source>保存为 PDF…</source>
            <translation>Save as PDF…</translation>
        </message>
        <message>
            <source>正在生成探访单</source>
            <translation>Making visit sheets</translation>
        </message>
        <message>
            <source>探访单.pdf</source>
            <translation>visit_sheets.pdf</translation>
        </message>
        <message>
            <source>保存为 PDF</source>
            <translation>Save as PDF</translation>
        </message>
        <message>
            <source>PDF 文件 (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <source>常规</source>
            <translation>General</translation>
        </message>
        <message>
            <source>地点</source>
            <comment>tab</comment>
            <translation>Places</translation>
        </message>
        <message>
            <source>账号</source>
            <translation>Accounts</translation>
        </message>
        <message>
            <source>备份与恢复</source>
            <translation>Backup and restore</translation>
        </message>
        <message>
            <source>审计记录</source>
            <translation>Audit trail</translation>
        </message>
        <message>
            <source>界面语言</source>
            <translation>Interface language</translation>
        </message>
        <message>
            <source>语言</source>
            <translation>Language</translation>
        </message>
        <message>
            <source>切换后立即生效，并在下次启动时保持。</source>
            <translation>Takes effect at once and is kept for the next start.</translation>
        </message>
        <message>
            <source>当前用户</source>
            <translation>Signed-in user</translation>
        </message>
        <message>
            <source>%1（%2，%3）</source>
            <translation>%1 (%2, %3)</translation>
        </message>
        <message>
            <source>已登录</source>
            <translation>Signed in as</translation>
        </message>
        <message>
            <source>切换用户…</source>
            <translation>Switch user…</translation>
        </message>
        <message>
            <source>修改我的密码…</source>
            <translation>Change my password…</translation>
        </message>
        <message>
            <source>分级规则</source>
            <translation>Care-level rules</translation>
        </message>
        <message>
            <source>查看和修改分级规则…</source>
            <translation>View and change the care-level rules…</translation>
        </message>
        <message>
            <source>只有督导可以修改分级规则；请用“切换用户”以督导身份登录。</source>
            <translation>Only a supervisor may change the rules; use "Switch user" to sign in as a supervisor.</translation>
        </message>
        <message>
            <source>整寿名单</source>
            <translation>Milestone birthdays</translation>
        </message>
        <message>
            <source>两个日子都列出，待问清</source>
            <translation>List both dates, to be asked</translation>
        </message>
        <message>
            <source>公历</source>
            <translation>Gregorian</translation>
        </message>
        <message>
            <source>农历</source>
            <translation>Lunar</translation>
        </message>
        <message>
            <source>未登记历法的老人</source>
            <translation>People with no calendar recorded</translation>
        </message>
        <message>
            <source>周岁（满几年）</source>
            <translation>Full years</translation>
        </message>
        <message>
            <source>虚岁（多算一岁）</source>
            <translation>Nominal age (one year more)</translation>
        </message>
        <message>
            <source>整寿年龄按</source>
            <translation>Count milestone ages as</translation>
        </message>
        <message>
            <source>数据库</source>
            <translation>Database</translation>
        </message>
        <message>
            <source>街道</source>
            <translation>Subdistrict</translation>
        </message>
        <message>
            <source>位置</source>
            <translation>Location</translation>
        </message>
        <message>
            <source>数据</source>
            <translation>Data</translation>
        </message>
        <message>
            <source>演示数据（合成）</source>
            <translation>Demo data (synthetic)</translation>
        </message>
        <message>
            <source>正式数据</source>
            <translation>Real data</translation>
        </message>
    </context>
    <context>
        <name>SetupWizard</name>
        <message>
            <source>银龄 · 第一次使用</source>
            <translation>silverage · First start</translation>
        </message>
        <message>
            <source>上一步</source>
            <translation>Back</translation>
        </message>
        <message>
            <source>下一步</source>
            <translation>Next</translation>
        </message>
        <message>
            <source>完成</source>
            <comment>wizard</comment>
            <translation>Finish</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>建立管理员账号</source>
            <translation>Creating the administrator</translation>
        </message>
        <message>
            <source>建立地点</source>
            <translation>Creating the places</translation>
        </message>
    </context>
    <context>
        <name>SignInDialog</name>
        <message>
            <source>登录 银龄</source>
            <translation>Sign in to Silverage</translation>
        </message>
        <message>
            <source>%1（%2，%3）</source>
            <translation>%1 (%2, %3)</translation>
        </message>
        <message>
            <source>用户</source>
            <translation>User</translation>
        </message>
        <message>
            <source>密码</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>登录</source>
            <translation>Sign in</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>请选择用户</source>
            <translation>Choose a user</translation>
        </message>
    </context>
    <context>
        <name>SkillsEditor</name>
        <message>
            <source>次/周</source>
            <translation>/week</translation>
        </message>
    </context>
    <context>
        <name>StandingBox</name>
        <message>
            <source>探访进度（目标 100%，虚线）</source>
            <translation>Visit progress (target 100 %, dashed line)</translation>
        </message>
        <message>
            <source>按等级</source>
            <translation>By level</translation>
        </message>
        <message>
            <source>按社区</source>
            <translation>By community</translation>
        </message>
        <message>
            <source>应完成：截至昨天已结束的探访周期全数计入，进行中的周期按已过天数折算。</source>
            <translation>Due so far: every visit window closed by yesterday counts in full; an open window counts for the share of its days past.</translation>
        </message>
        <message>
            <source>本月第一天还没有应完成的探访；超过100%表示进度超前。</source>
            <translation>On the 1st of a month nothing is due yet; over 100 % means ahead of pace.</translation>
        </message>
        <message>
            <source>本月至今（%1年%2月，已过 %3 天）</source>
            <translation>This month to date (%2/%1, %3 days past)</translation>
        </message>
        <message>
            <source>上月全月（%1年%2月）</source>
            <translation>Last month in full (%2/%1)</translation>
        </message>
        <message>
            <source>按社区（落后最多的 %1 个，其余合并）</source>
            <translation>By community (the %1 furthest behind; the rest together)</translation>
        </message>
        <message>
            <source>还没有应探访的人：导入花名册或新增老人后，这里显示本月和上月的探访进度。</source>
            <translation>Nobody needs visits yet: once the roster is imported or people are added, this shows the visit progress of this month and last month.</translation>
        </message>
        <message>
            <source>本月至今：还没有到期的探访（全月应探访 %1 次，已完成 %2 次）。</source>
            <translation>This month to date: no visit is due yet (%1 due in the whole month, %2 done).</translation>
        </message>
        <message>
            <source>本月至今：应完成 %1 次，已完成 %2 次（%3），已错过 %4 次；全月应探访 %5 次。</source>
            <translation>This month to date: %1 due so far, %2 done (%3), %4 missed; %5 due in the whole month.</translation>
        </message>
        <message>
            <source>上月全月：应探访 %1 次，完成 %2 次（%3），错过 %4 次。</source>
            <translation>Last month in full: %1 due, %2 done (%3), %4 missed.</translation>
        </message>
        <message>
            <source>其他 %1 个社区</source>
            <translation>%1 other communities</translation>
        </message>
        <message>
            <source>未分配社区</source>
            <translation>No community</translation>
        </message>
        <message>
            <source>尚无到期（已完成 %1）</source>
            <translation>nothing due yet (%1 done)</translation>
        </message>
        <message>
            <source>%1（%2/%3）</source>
            <translation>%1 (%2/%3)</translation>
        </message>
        <message>
            <source>%1（%2/%3，错过 %4）</source>
            <translation>%1 (%2/%3, %4 missed)</translation>
        </message>
    </context>
    <context>
        <name>SubdistrictPage</name>
        <message>
            <source>欢迎使用银龄</source>
            <translation>Welcome to silverage</translation>
        </message>
        <message>
            <source>这是一个新的数据库。几步设置之后就可以开始工作：街道名称、第一个管理员账号、社区和网格。</source>
            <translation>This is a new database. A few steps and you can start: the subdistrict's name, the first administrator, the communities and grids.</translation>
        </message>
        <message>
            <source>例如：新塍街道</source>
            <translation>The subdistrict's name as the office writes it</translation>
        </message>
        <message>
            <source>街道名称</source>
            <translation>Subdistrict</translation>
        </message>
        <message>
            <source>街道名称显示在窗口标题和登录窗口上。</source>
            <translation>The name shows in the window title and at sign-in.</translation>
        </message>
    </context>
    <context>
        <name>TaskRunner</name>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>正在等待数据库……（另一程序正在写入）</source>
            <translation>Waiting for the database… (another program is writing)</translation>
        </message>
        <message>
            <source>正在写入的是：%1</source>
            <translation>Writing now: %1</translation>
        </message>
        <message>
            <source>操作没有完成，数据没有改动。详细信息已写入日志。</source>
            <translation>The action did not finish and nothing was changed. Details are in the log.</translation>
        </message>
        <message>
            <source>错误类型：%1。如果再次出现，请把日志交给管理员。</source>
            <translation>Error type: %1. If it happens again, give the log to the administrator.</translation>
        </message>
    </context>
    <context>
        <name>UsersPage</name>
        <message>
            <source>添加账号…</source>
            <translation>Add account…</translation>
        </message>
        <message>
            <source>修改…</source>
            <translation>Change…</translation>
        </message>
        <message>
            <source>重置密码…</source>
            <translation>Reset password…</translation>
        </message>
        <message>
            <source>停用</source>
            <translation>Disable</translation>
        </message>
        <message>
            <source>启用</source>
            <translation>Enable</translation>
        </message>
        <message>
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>用户名</source>
            <translation>Username</translation>
        </message>
        <message>
            <source>角色</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>负责社区</source>
            <translation>Communities</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>自动锁屏</source>
            <translation>Idle lock</translation>
        </message>
        <message>
            <source>无人操作</source>
            <translation>Lock after</translation>
        </message>
        <message>
            <source> 分钟</source>
            <translation> min</translation>
        </message>
        <message>
            <source>后遮住个人信息，输入密码才能继续（未保存的输入会保留）</source>
            <translation>without use: personal data is covered until the password is typed (unsaved typing is kept)</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>、</source>
            <translation>, </translation>
        </message>
        <message>
            <source>全部社区</source>
            <translation>All communities</translation>
        </message>
        <message>
            <source>全部社区（只读）</source>
            <translation>All communities (read-only)</translation>
        </message>
        <message>
            <source>已停用</source>
            <translation>Inactive</translation>
        </message>
        <message>
            <source>密码输错次数过多，暂时锁定</source>
            <translation>Locked for a while after wrong passwords</translation>
        </message>
        <message>
            <source>还没有密码</source>
            <translation>No password yet</translation>
        </message>
        <message>
            <source>下次登录需改密码</source>
            <translation>Must change password at next sign-in</translation>
        </message>
        <message>
            <source>在用</source>
            <translation>Active</translation>
        </message>
        <message>
            <source>已添加账号 %1</source>
            <translation>Account %1 added</translation>
        </message>
        <message>
            <source>已保存账号 %1</source>
            <translation>Account %1 saved</translation>
        </message>
        <message>
            <source>已为 %1 设置新密码</source>
            <translation>New password set for %1</translation>
        </message>
        <message>
            <source>停用 %1（%2）后，此人不能再登录；TA做过的记录都会保留，以后可以再启用。确定停用吗？</source>
            <translation>After disabling %1 (%2) they can no longer sign in; everything they recorded stays, and the account can be enabled again. Disable it?</translation>
        </message>
        <message>
            <source>停用账号</source>
            <translation>Disable account</translation>
        </message>
        <message>
            <source>已停用 %1</source>
            <translation>%1 disabled</translation>
        </message>
        <message>
            <source>启用账号</source>
            <translation>Enable account</translation>
        </message>
        <message>
            <source>已启用 %1</source>
            <translation>%1 enabled</translation>
        </message>
        <message>
            <source>已保存：无人操作 %1 分钟后锁屏</source>
            <translation>Saved: the window locks after %1 minutes without use</translation>
        </message>
    </context>
    <context>
        <name>VisitHistoryPanel</name>
        <message>
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>方式</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>志愿者</source>
            <translation>Volunteer</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>结果</source>
            <translation>Outcome</translation>
        </message>
        <message>
            <source>备注</source>
            <translation>Notes</translation>
        </message>
        <message numerus="yes">
            <source>共 %n 次</source>
            <translation>
                <numerusform>%n visit in all</numerusform>
                <numerusform>%n visits in all</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>VisitPolicyDialog</name>
        <message>
            <source>探访频次</source>
            <translation>Visit policy</translation>
        </message>
        <message>
            <source>每个等级多久上门探访一次、每周电话问候几次，以及多少天未联系算逾期。修改后对之后生成的计划生效。</source>
            <translation>How often each level gets a home visit, how many phone check-ins a week, and after how many days without contact a person is overdue. Changes apply to plans generated afterwards.</translation>
        </message>
        <message>
            <source>等级</source>
            <translation>Level</translation>
        </message>
        <message>
            <source>上门探访</source>
            <translation>Home visit</translation>
        </message>
        <message>
            <source>每周电话</source>
            <translation>Calls a week</translation>
        </message>
        <message>
            <source>逾期天数</source>
            <translation>Days late</translation>
        </message>
        <message>
            <source> 次</source>
            <translation> times</translation>
        </message>
        <message>
            <source> 天</source>
            <translation> days</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>恢复默认</source>
            <translation>Restore defaults</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>只有督导可以修改探访频次。</source>
            <translation>Only a supervisor can change the visit policy.</translation>
        </message>
        <message>
            <source>保存探访频次</source>
            <translation>Save visit frequencies</translation>
        </message>
        <message>
            <source>已保存；之后生成的探访计划按新的频次。</source>
            <translation>Saved; plans generated from now on use the new policy.</translation>
        </message>
    </context>
    <context>
        <name>VisitsPage</name>
        <message>
            <source>探访频次…</source>
            <translation>Visit policy…</translation>
        </message>
        <message>
            <source>各等级上门和电话问候的频次（督导可修改）</source>
            <translation>How often each level gets home visits and phone check-ins (supervisors can change it)</translation>
        </message>
        <message>
            <source>计划</source>
            <translation>Plan</translation>
        </message>
        <message>
            <source>录入结果</source>
            <translation>Record outcomes</translation>
        </message>
        <message>
            <source>待办</source>
            <translation>Worklists</translation>
        </message>
        <message>
            <source>专项行动</source>
            <comment>tab</comment>
            <translation>Campaigns</translation>
        </message>
        <message>
            <source>探访率</source>
            <translation>Visit rates</translation>
        </message>
        <message>
            <source>节假日</source>
            <translation>Holidays</translation>
        </message>
        <message>
            <source>有冲突</source>
            <translation>Conflicts</translation>
        </message>
        <message>
            <source>这样调整有以下冲突，仍然调整吗？</source>
            <translation>This change has the following conflicts. Change anyway?</translation>
        </message>
    </context>
    <context>
        <name>VolunteerWeekView</name>
        <message>
            <source>上午</source>
            <translation>Morning</translation>
        </message>
        <message>
            <source>下午</source>
            <translation>Afternoon</translation>
        </message>
        <message>
            <source>周一</source>
            <translation>Mon</translation>
        </message>
        <message>
            <source>周二</source>
            <translation>Tue</translation>
        </message>
        <message>
            <source>周三</source>
            <translation>Wed</translation>
        </message>
        <message>
            <source>周四</source>
            <translation>Thu</translation>
        </message>
        <message>
            <source>周五</source>
            <translation>Fri</translation>
        </message>
        <message>
            <source>周六</source>
            <translation>Sat</translation>
        </message>
        <message>
            <source>周日</source>
            <translation>Sun</translation>
        </message>
        <message numerus="yes">
            <source>%n 次</source>
            <translation>
                <numerusform>%n visit</numerusform>
                <numerusform>%n visits</numerusform>
            </translation>
        </message>
        <message>
            <source>%1（%2）</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>非工作日</source>
            <translation>Not a working day</translation>
        </message>
    </context>
    <context>
        <name>VolunteersPage</name>
        <message>
            <source>搜索志愿者姓名、电话、微网格</source>
            <translation>Search volunteers by name, phone, micro-grid</translation>
        </message>
        <message>
            <source>包括已停用</source>
            <translation>Include inactive</translation>
        </message>
        <message>
            <source>新增志愿者</source>
            <translation>New volunteer</translation>
        </message>
        <message>
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>类别</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>社区</source>
            <translation>Community</translation>
        </message>
        <message>
            <source>微网格</source>
            <translation>Micro-grid</translation>
        </message>
        <message>
            <source>每周上限</source>
            <translation>Max per week</translation>
        </message>
        <message>
            <source>服务技能</source>
            <translation>Service skills</translation>
        </message>
        <message>
            <source>本月探访</source>
            <translation>This month</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>志愿者信息</source>
            <translation>Volunteer</translation>
        </message>
        <message>
            <source>服务提供者（可承担任何服务，由管理员标记）</source>
            <translation>Service provider (may take any service; marked by an administrator)</translation>
        </message>
        <message>
            <source>在岗</source>
            <translation>Active</translation>
        </message>
        <message>
            <source>电话</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>所在微网格</source>
            <translation>Home micro-grid</translation>
        </message>
        <message>
            <source>每周最多探访</source>
            <translation>Visits per week at most</translation>
        </message>
        <message>
            <source>可探访时间</source>
            <translation>Available</translation>
        </message>
        <message>
            <source>保存志愿者</source>
            <translation>Save volunteer</translation>
        </message>
        <message>
            <source>等级</source>
            <translation>Level</translation>
        </message>
        <message>
            <source>老人</source>
            <translation>Person</translation>
        </message>
        <message>
            <source>近90天探访次数</source>
            <translation>Visits (90 days)</translation>
        </message>
        <message>
            <source>最近一次</source>
            <translation>Last</translation>
        </message>
        <message>
            <source>负责探访的老人（双击打开）</source>
            <translation>People they visit (double-click to open)</translation>
        </message>
        <message>
            <source>服务提供者</source>
            <translation>Service provider</translation>
        </message>
        <message>
            <source>已停用</source>
            <translation>Inactive</translation>
        </message>
        <message>
            <source>本月：已完成 %1 次 / 已安排 %2 次；每周上限 %3 次</source>
            <translation>This month: %1 done / %2 planned; at most %3 a week</translation>
        </message>
        <message>
            <source>在志愿者页面修改</source>
            <translation>Changed on the volunteers page</translation>
        </message>
        <message>
            <source>已保存</source>
            <translation>Saved</translation>
        </message>
    </context>
    <context>
        <name>WorklistTab</name>
        <message>
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>期限</source>
            <translation>Due</translation>
        </message>
        <message>
            <source>跟进事项</source>
            <translation>Follow-ups</translation>
        </message>
        <message>
            <source>负责人</source>
            <translation>Owner</translation>
        </message>
        <message>
            <source>逾期天数</source>
            <translation>Days late</translation>
        </message>
        <message>
            <source>探访编号</source>
            <translation>Visit code</translation>
        </message>
        <message>
            <source>到期</source>
            <translation>Due</translation>
        </message>
        <message>
            <source>提醒</source>
            <translation>Alerts</translation>
        </message>
        <message>
            <source>逾期未联系（红色优先）</source>
            <translation>Overdue (red first)</translation>
        </message>
        <message>
            <source>标记为已完成</source>
            <translation>Mark as done</translation>
        </message>
        <message>
            <source>处理…</source>
            <translation>Resolve…</translation>
        </message>
        <message>
            <source>请先在列表中选择一条提醒</source>
            <translation>Select an alert in the list first</translation>
        </message>
        <message>
            <source>完成跟进事项</source>
            <translation>Complete follow-up</translation>
        </message>
    </context>
    <context>
        <name>Fields</name>
        <message>
            <source>序号</source>
            <translation>No.</translation>
        </message>
        <message>
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>身份证号码</source>
            <translation>ID number</translation>
        </message>
        <message>
            <source>性别</source>
            <translation>Gender</translation>
        </message>
        <message>
            <source>出生日期</source>
            <translation>Date of birth</translation>
        </message>
        <message>
            <source>生日历法</source>
            <translation>Birthday calendar</translation>
        </message>
        <message>
            <source>农历生日</source>
            <translation>Lunar birthday</translation>
        </message>
        <message>
            <source>年龄</source>
            <translation>Age</translation>
        </message>
        <message>
            <source>联系电话</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>电话2</source>
            <translation>Phone 2</translation>
        </message>
        <message>
            <source>社区</source>
            <translation>Community</translation>
        </message>
        <message>
            <source>网格</source>
            <translation>Grid</translation>
        </message>
        <message>
            <source>微网格</source>
            <translation>Micro-grid</translation>
        </message>
        <message>
            <source>地址</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>街道门牌</source>
            <translation>Street and number</translation>
        </message>
        <message>
            <source>幢/楼</source>
            <translation>Building</translation>
        </message>
        <message>
            <source>单元</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>室</source>
            <translation>Room</translation>
        </message>
        <message>
            <source>楼栋（点位图）</source>
            <translation>Building on the map</translation>
        </message>
        <message>
            <source>居住情况</source>
            <translation>Living situation</translation>
        </message>
        <message>
            <source>人员类别</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>关爱等级</source>
            <translation>Care level</translation>
        </message>
        <message>
            <source>人工调整等级</source>
            <translation>Override level</translation>
        </message>
        <message>
            <source>人工调整原因</source>
            <translation>Override reason</translation>
        </message>
        <message>
            <source>失能等级</source>
            <translation>Disability</translation>
        </message>
        <message>
            <source>经济状况</source>
            <translation>Economic status</translation>
        </message>
        <message>
            <source>行动能力</source>
            <translation>Mobility</translation>
        </message>
        <message>
            <source>是否独居</source>
            <translation>Lives alone?</translation>
        </message>
        <message>
            <source>是否空巢</source>
            <translation>Empty nest?</translation>
        </message>
        <message>
            <source>是否孤寡</source>
            <translation>Widowed, no children?</translation>
        </message>
        <message>
            <source>是否失能</source>
            <translation>Disabled?</translation>
        </message>
        <message>
            <source>是否半失能</source>
            <translation>Partly disabled?</translation>
        </message>
        <message>
            <source>是否卧床</source>
            <translation>Bedridden?</translation>
        </message>
        <message>
            <source>是否低保</source>
            <translation>Minimum living allowance?</translation>
        </message>
        <message>
            <source>是否特困</source>
            <translation>Extreme hardship support?</translation>
        </message>
        <message>
            <source>低保证编号</source>
            <translation>Allowance card no.</translation>
        </message>
        <message>
            <source>特困证编号</source>
            <translation>Hardship card no.</translation>
        </message>
        <message>
            <source>是否失独</source>
            <translation>Lost their only child?</translation>
        </message>
        <message>
            <source>健康状况</source>
            <translation>Health conditions</translation>
        </message>
        <message>
            <source>患重大疾病</source>
            <translation>Serious illness</translation>
        </message>
        <message>
            <source>认知障碍</source>
            <translation>Cognitive impairment</translation>
        </message>
        <message>
            <source>子女住在附近</source>
            <translation>Children live nearby</translation>
        </message>
        <message>
            <source>近一年跌倒过</source>
            <translation>Fell in the last year</translation>
        </message>
        <message>
            <source>近一年住过院</source>
            <translation>In hospital in the last year</translation>
        </message>
        <message>
            <source>居家有安全隐患</source>
            <translation>Hazards at home</translation>
        </message>
        <message>
            <source>紧急联系人姓名</source>
            <translation>Emergency contact</translation>
        </message>
        <message>
            <source>与老人关系</source>
            <translation>Relation</translation>
        </message>
        <message>
            <source>联系人电话</source>
            <translation>Contact's phone</translation>
        </message>
        <message>
            <source>联系人电话2</source>
            <translation>Contact's phone 2</translation>
        </message>
        <message>
            <source>紧急联系人2姓名</source>
            <translation>Emergency contact 2</translation>
        </message>
        <message>
            <source>紧急联系人2关系</source>
            <translation>Contact 2's relation</translation>
        </message>
        <message>
            <source>紧急联系人2电话</source>
            <translation>Contact 2's phone</translation>
        </message>
        <message>
            <source>紧急联系人2电话2</source>
            <translation>Contact 2's phone 2</translation>
        </message>
        <message>
            <source>紧急联系人3姓名</source>
            <translation>Emergency contact 3</translation>
        </message>
        <message>
            <source>紧急联系人3关系</source>
            <translation>Contact 3's relation</translation>
        </message>
        <message>
            <source>紧急联系人3电话</source>
            <translation>Contact 3's phone</translation>
        </message>
        <message>
            <source>紧急联系人3电话2</source>
            <translation>Contact 3's phone 2</translation>
        </message>
        <message>
            <source>紧急联系人4姓名</source>
            <translation>Emergency contact 4</translation>
        </message>
        <message>
            <source>紧急联系人4关系</source>
            <translation>Contact 4's relation</translation>
        </message>
        <message>
            <source>紧急联系人4电话</source>
            <translation>Contact 4's phone</translation>
        </message>
        <message>
            <source>紧急联系人4电话2</source>
            <translation>Contact 4's phone 2</translation>
        </message>
        <message>
            <source>紧急联系人5姓名</source>
            <translation>Emergency contact 5</translation>
        </message>
        <message>
            <source>紧急联系人5关系</source>
            <translation>Contact 5's relation</translation>
        </message>
        <message>
            <source>紧急联系人5电话</source>
            <translation>Contact 5's phone</translation>
        </message>
        <message>
            <source>紧急联系人5电话2</source>
            <translation>Contact 5's phone 2</translation>
        </message>
        <message>
            <source>紧急联系人</source>
            <translation>Emergency contacts</translation>
        </message>
        <message>
            <source>服务需求</source>
            <translation>Service needs</translation>
        </message>
        <message>
            <source>最近联系</source>
            <translation>Last contact</translation>
        </message>
        <message>
            <source>下次复评</source>
            <translation>Next reassessment</translation>
        </message>
        <message>
            <source>上门注意事项</source>
            <translation>Doorstep notes</translation>
        </message>
        <message>
            <source>备注</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>状态日期</source>
            <translation>Status date</translation>
        </message>
        <message>
            <source>状态说明</source>
            <translation>Status note</translation>
        </message>
        <message>
            <source>逾期天数</source>
            <translation>Days late</translation>
        </message>
        <message>
            <source>关系</source>
            <translation>Relation</translation>
        </message>
        <message>
            <source>电话</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>顺序</source>
            <translation>Order</translation>
        </message>
    </context>
</TS>